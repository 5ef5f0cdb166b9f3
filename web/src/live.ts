// Live updates: one EventSource on /api/v1/events. The browser reconnects by itself and sends
// Last-Event-ID, so the server replays what was missed; when the server cannot ("resync"), or
// the stream had to be opened anew, the page refetches.

export interface LiveUpdate {
  type: string;
  id: string;
  data: any;
}

export type LiveStatus = "connecting" | "live" | "reconnecting";

export interface LiveHandlers {
  onUpdate: (u: LiveUpdate) => void;
  onResync: () => void;
  onStatus: (s: LiveStatus) => void;
}

export function connectLive(h: LiveHandlers): () => void {
  let es: EventSource | null = null;
  let lastId = "";
  let connectedBefore = false;
  let delay = 1000;
  let timer: number | undefined;
  let stopped = false;

  const open = () => {
    if (stopped) return;
    h.onStatus(connectedBefore ? "reconnecting" : "connecting");
    const url = "/api/v1/events" + (lastId ? "?last_event_id=" + encodeURIComponent(lastId) : "");
    const source = new EventSource(url);
    es = source;
    source.addEventListener("ready", () => {
      delay = 1000;
      // A stream opened anew without an id to resume from may have missed something.
      if (connectedBefore && !lastId) h.onResync();
      connectedBefore = true;
      h.onStatus("live");
    });
    source.addEventListener("update", (e) => {
      const ev = e as MessageEvent;
      if (ev.lastEventId) lastId = ev.lastEventId;
      try {
        h.onUpdate(JSON.parse(ev.data));
      } catch {
        /* a malformed event is skipped */
      }
    });
    source.addEventListener("resync", () => {
      lastId = "";
      h.onResync();
    });
    source.onerror = () => {
      h.onStatus("reconnecting");
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (an HTTP error): open a new stream after a growing pause.
        source.close();
        timer = window.setTimeout(open, delay);
        delay = Math.min(delay * 2, 15000);
      }
    };
  };
  open();
  return () => {
    stopped = true;
    if (timer) window.clearTimeout(timer);
    es?.close();
  };
}
