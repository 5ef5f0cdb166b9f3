"""proto/ checked against what the services really publish (issue 14: one home per contract).

build/bin/contract_samples (tests/contracts/contract_samples.cpp) prints one JSON line per
message kind and variant, made by the producers' own code: {"sample", "message" (a proto full
name), "topic", "type" (the CloudEvent type), "data"}. This test compiles proto/ with grpcio-tools
(protoc) into a temporary descriptor set and checks, for every sample:

- json_format.Parse(data, <message>, ignore_unknown_fields=False) accepts it: a member proto/ does
  not describe, or a value of the wrong type, fails;
- stricter than Parse: every member is spelled as the proto field name (the wire is snake_case;
  Parse would also take the lowerCamelCase JSON name), every JSON value has the field's JSON type
  (Parse also takes "1" for an integer), and null appears only where the field has presence
  (`optional`, a message, a oneof member);
- the message's comment in proto/ names the sample's topic (topic `name`) and type
  (type `todo.task.<action>.v1`, <...> standing for one word).

And the reverse: every message and every field in proto/ is written by at least one sample, so
proto/ describes nothing that nobody sends.

A new message on the wire: describe it in proto/, add its producer's real output to
contract_samples.cpp, and this test holds the two together. No running stack needed; scripts/test.sh
runs it right after the unit tests. CONTRACT_SAMPLES names another build's binary.
"""

import json
import os
import re
import subprocess
from importlib import resources
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
from google.protobuf.descriptor import FieldDescriptor
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parents[2]
PROTO_DIR = ROOT / "proto"
PACKAGE = "todo.v1"
SAMPLES = Path(os.environ.get("CONTRACT_SAMPLES", ROOT / "build" / "bin" / "contract_samples"))

# Messages whose JSON form is free (google.protobuf.Value in a FieldChange): not walked.
FREE_FORM = {"google.protobuf.Value", "google.protobuf.Struct", "google.protobuf.ListValue"}


class Proto:
    """proto/ compiled: the descriptors and the leading comment of each top-level message."""

    def __init__(self, out_dir: Path):
        out = out_dir / "todo.pb"
        files = sorted(str(p.relative_to(PROTO_DIR)) for p in PROTO_DIR.rglob("*.proto"))
        well_known = resources.files("grpc_tools") / "_proto"
        rc = protoc.main(["protoc", f"-I{PROTO_DIR}", f"-I{well_known}", "--include_imports",
                          "--include_source_info", f"--descriptor_set_out={out}", *files])
        assert rc == 0, f"protoc failed on proto/ (exit {rc}; its message is in the captured stderr)"
        file_set = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
        self.pool = descriptor_pool.DescriptorPool()
        self.comments = {}
        for file in file_set.file:  # dependencies first (--include_imports)
            self.pool.Add(file)
            for location in file.source_code_info.location:
                # [4, i]: the i-th top-level message of the file.
                if len(location.path) == 2 and location.path[0] == 4:
                    name = f"{file.package}.{file.message_type[location.path[1]].name}"
                    self.comments[name] = location.leading_comments
        self.ours = [file for file in file_set.file if file.package == PACKAGE]

    def message(self, full_name):
        return self.pool.FindMessageTypeByName(full_name)

    def all_messages(self):
        """Every message of package todo.v1, nested ones included, map entries left out."""
        found = []

        def add(descriptor):
            if descriptor.GetOptions().map_entry:
                return
            found.append(descriptor)
            for nested in descriptor.nested_types:
                add(nested)

        for file in self.ours:
            for message in file.message_type:
                add(self.message(f"{file.package}.{message.name}"))
        return found


@pytest.fixture(scope="module")
def proto(tmp_path_factory):
    return Proto(tmp_path_factory.mktemp("proto"))


@pytest.fixture(scope="module")
def samples():
    assert SAMPLES.exists(), f"{SAMPLES} is missing: build it first (scripts/test.sh does)"
    run = subprocess.run([str(SAMPLES)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"contract_samples failed:\n{run.stderr}"
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    assert lines, "contract_samples printed nothing"
    return lines


def describe(sample):
    return f"{sample['message']} on {sample['topic']} ({sample['sample']})"


def fail_with(problems):
    """Fails listing each problem once, with the samples that show it."""
    if not problems:
        return
    by_text = {}
    for sample, text in problems:
        shown_by = by_text.setdefault(text, [])
        if sample not in shown_by:
            shown_by.append(sample)
    lines = []
    for text, shown_by in by_text.items():
        more = f" and {len(shown_by) - 1} more" if len(shown_by) > 1 else ""
        lines.append(f"{text}\n    in {describe(shown_by[0])}{more}")
    pytest.fail(f"{len(by_text)} problem(s):\n" + "\n".join(lines), pytrace=False)


# The JSON types the proto3 JSON mapping gives each scalar (as the producers write them: 64-bit
# integers as numbers, like every other integer).
SCALAR_JSON = {
    FieldDescriptor.TYPE_STRING: (str,),
    FieldDescriptor.TYPE_BOOL: (bool,),
    FieldDescriptor.TYPE_DOUBLE: (int, float),
    FieldDescriptor.TYPE_FLOAT: (int, float),
}
for integer in ("INT32", "INT64", "UINT32", "UINT64", "SINT32", "SINT64", "FIXED32", "FIXED64",
                "SFIXED32", "SFIXED64"):
    SCALAR_JSON[getattr(FieldDescriptor, f"TYPE_{integer}")] = (int,)


JSON_NAMES = {str: "string", bool: "boolean", int: "number", float: "number", dict: "object",
              list: "array"}


class Walk:
    """Walks a payload beside its descriptor: the problems Parse lets through, and what was seen."""

    def __init__(self):
        self.problems = []  # (sample, text)
        self.sample = None
        self.messages = set()  # full names of the messages met
        self.fields = set()  # (message full name, field name) present in some payload

    def problem(self, text):
        self.problems.append((self.sample, text))

    def message(self, descriptor, value, path):
        self.messages.add(descriptor.full_name)
        if descriptor.full_name in FREE_FORM:
            return
        if not isinstance(value, dict):
            self.problem(f"{path}: a JSON object expected ({descriptor.full_name})")
            return
        for key, item in value.items():
            field = descriptor.fields_by_name.get(key)
            if field is None:
                self.problem(
                    f"{path}.{key}: {descriptor.full_name} has no field named {key!r}")
                continue
            self.fields.add((descriptor.full_name, key))
            self.field(field, item, f"{path}.{key}")

    def field(self, field, value, path):
        if value is None:
            if not field.has_presence:
                self.problem(
                    f"{path}: null, but {field.full_name} has no presence (make it `optional`)")
            return
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            if not isinstance(value, dict):
                self.problem(f"{path}: a JSON object expected (a map)")
                return
            entry = field.message_type.fields_by_name["value"]
            for item in value.values():
                self.single(entry, item, f"{path}{{}}")
        elif field.is_repeated:
            if not isinstance(value, list):
                self.problem(f"{path}: a JSON array expected ({field.full_name})")
                return
            for item in value:
                self.single(field, item, f"{path}[]")
        else:
            self.single(field, value, path)

    def single(self, field, value, path):
        if field.message_type is not None:
            self.message(field.message_type, value, path)
            return
        expected = SCALAR_JSON.get(field.type)
        if expected is None:
            self.problem(f"{path}: field type {field.type} is not checked here")
        elif not isinstance(value, expected) or (bool not in expected and isinstance(value, bool)):
            wanted = " or ".join(sorted({JSON_NAMES[t] for t in expected}))
            self.problem(f"{path}: a JSON {JSON_NAMES[type(value)]} where {field.full_name} "
                         f"wants a {wanted}")


@pytest.fixture(scope="module")
def walked(proto, samples):
    walk = Walk()
    parse_errors = []
    for sample in samples:
        try:
            descriptor = proto.message(sample["message"])
        except KeyError:
            parse_errors.append((sample, f"proto/ has no message {sample['message']}"))
            continue
        message = message_factory.GetMessageClass(descriptor)()
        try:
            json_format.Parse(json.dumps(sample["data"]), message, ignore_unknown_fields=False)
        except json_format.ParseError as e:
            parse_errors.append((sample, str(e)))
        walk.sample = sample
        walk.message(descriptor, sample["data"], "data")
    return walk, parse_errors


def test_every_sample_parses_as_its_proto_message(walked):
    _, parse_errors = walked
    fail_with(parse_errors)


def test_every_member_has_the_proto_name_and_json_type(walked):
    walk, _ = walked
    fail_with(walk.problems)


def pattern_of(documented):
    """`todo.task.<action>.v1` as a regular expression: <...> is one word."""
    parts = re.split(r"<[^>]+>", documented)
    return re.compile("[a-z_]+".join(re.escape(part) for part in parts) + r"\Z")


def test_every_sample_has_the_topic_and_type_its_message_documents(proto, samples):
    problems = []
    for sample in samples:
        name = sample["message"]
        comment = proto.comments.get(name)
        if comment is None:
            problems.append((sample, f"{name} is not a top-level message of proto/"))
            continue
        topics = re.findall(r"[Tt]opic `([^`]+)`", comment)
        types = re.findall(r"type `([^`]+)`", comment)
        if sample["topic"] not in topics:
            problems.append((sample, f"sent on topic {sample['topic']!r}, but the comment of "
                                     f"{name} names {topics or 'none'} (topic `...`)"))
        if not any(pattern_of(t).match(sample["type"]) for t in types):
            problems.append((sample, f"sent as type {sample['type']!r}, but the comment of "
                                     f"{name} names {types or 'none'} (type `...`)"))
    fail_with(problems)


def test_every_proto_message_is_sent(proto, walked, samples):
    walk, _ = walked
    unsent = [m.full_name for m in proto.all_messages() if m.full_name not in walk.messages]
    if unsent:
        pytest.fail(f"in proto/ but in no sample of contract_samples: {unsent}\n"
                    f"(samples: {sorted({s['message'] for s in samples})})", pytrace=False)


def test_every_proto_field_is_written(proto, walked):
    walk, _ = walked
    unwritten = [f"{m.full_name}.{f.name}" for m in proto.all_messages() for f in m.fields
                 if (m.full_name, f.name) not in walk.fields]
    if unwritten:
        pytest.fail(f"in proto/ but written by no sample: {unwritten}", pytrace=False)
