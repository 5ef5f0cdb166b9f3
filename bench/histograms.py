"""Reading Prometheus histograms from an app's /metrics, for the load generators."""
import urllib.request


def buckets(port, name, **labels):
    """{upper bound: cumulative count} of histogram `name` on 127.0.0.1:`port`, summed over every
    series whose labels include `labels`."""
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    out = {}
    for line in text.splitlines():
        if not line.startswith(name + "_bucket"):
            continue
        if not all(f'{k}="{v}"' in line for k, v in labels.items()):
            continue
        le = float(line.split('le="')[1].split('"')[0].replace("+Inf", "inf"))
        out[le] = out.get(le, 0) + float(line.split()[-1])
    return out


def quantile(before, after, q):
    """The smallest bucket bound holding the q-quantile of what was observed between two
    readings, and how many observations that was."""
    diff = sorted((le, after[le] - before.get(le, 0)) for le in after)
    count = diff[-1][1]
    return next(le for le, c in diff if c >= q * count), count
