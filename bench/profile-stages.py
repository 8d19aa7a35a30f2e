#!/usr/bin/env python3
"""Shares of a /api/messages request's stages in `perf script -F comm,tid,ip,sym` output of the web host (bench/profile.sh).

Each sample is counted once, under the first stage of STAGES it is inside (so reading the question inside the span
selection counts as reading the question); then the Assistant frames with the largest inclusive shares."""
import collections
import re
import sys

# (label, pattern on a frame's Type::Method), in order of precedence: a stage nested in another comes first.
STAGES = [
    ("reading the question (QuestionReader)", r"QuestionReader[:+]"),
    ("short answer: rarity of the quotes' words", r"ShortAnswerWriter\+.*Rarity|CitedWord::get_Rarity|ShortAnswerWriter::Rarity"),
    ("short answer: cutting phrases (PhraseCutter)", r"PhraseCutter[:+]"),
    ("short answer: the rest (the quotes' words, the question's shapes, clauses)", r"ShortAnswerWriter[:+]|AnswerShapes[:+]|CitedWords[:+]"),
    ("span selection: the rest (evidence per passage, scoring, ranking)", r"ExtractiveAnswerGenerator::Select|ExtractiveAnswerGenerator\+.*Select"),
    ("extractive generator: the rest (parts, composing, passage ranking)", r"ExtractiveAnswerGenerator::GenerateAsync"),
    ("retrieval (kernel function, embedding, BM25, dense scan, fusion, neighbours)", r"AnswerService::SearchAsync"),
    ("dialect respelling", r"DialectSpelling[:+]"),
    ("question normalisation", r"QuestionNormalizer[:+]"),
    ("citation checks", r"AnswerService::VerifiedOrAbstainAsync"),
    ("answer service: the rest (question text, memory, answer contract)", r"AnswerService::AskAsync|InstrumentedAnswerService"),
    ("reply formatter", r"ReplyFormatter[:+]"),
    ("reading the activity (body and JSON)", r"ActivityBodyReader[:+]"),
    ("writing the replies' JSON", r"JsonHttpResult[:+]|SizedJsonResult"),
    ("endpoint and processor: the rest", r"BotEndpoints[:+]|BotActivityProcessor[:+]|dynamicClass::lambda_method"),
]
COMPILED = [(label, re.compile(pattern)) for label, pattern in STAGES]
OUTSIDE = "Kestrel, middleware, sockets, kernel, thread pool, runtime outside the endpoint"


def frame_name(symbol):
    match = re.search(r"\] ([\w.`+<>\-\[\],]+::[\w.`<>\-|]+)", symbol)
    name = match.group(1) if match else re.sub(r"\(.*", "", symbol)[:90]
    name = re.sub(r"`\d+\[[^\]]*\]", "", name)
    return re.sub(r"\+<(\w+)>d__\d+::MoveNext", r"::\1", name)


def samples(path):
    stack = None
    for line in open(path, errors="replace"):
        if not line.strip():
            if stack is not None:
                yield stack
            stack = None
        elif not line[0].isspace():
            stack = []
        elif stack is not None:
            parts = line.strip().split(" ", 1)
            stack.append(frame_name(parts[1] if len(parts) > 1 else "?"))
    if stack:
        yield stack


def main(path):
    stages, inclusive, total = collections.Counter(), collections.Counter(), 0
    for stack in samples(path):
        total += 1
        stage = next((label for label, pattern in COMPILED if any(pattern.search(frame) for frame in stack)), OUTSIDE)
        stages[stage] += 1
        for frame in set(stack):
            if frame.startswith("Assistant."):
                inclusive[frame] += 1
    print(f"{total} samples of the host\n\n| share | stage |\n|---:|---|")
    for label in [label for label, _ in STAGES] + [OUTSIDE]:
        print(f"| {100 * stages[label] / total:.1f} % | {label} |")
    print("\n| inclusive share | Assistant frame |\n|---:|---|")
    for frame, count in inclusive.most_common(30):
        print(f"| {100 * count / total:.1f} % | `{frame}` |")


if __name__ == "__main__":
    main(sys.argv[1])
