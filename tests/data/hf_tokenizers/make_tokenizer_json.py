#!/usr/bin/env python3
"""Writes {bert,roberta,albert}_json/tokenizer.json from the vocabulary files beside them, as
transformers' convert_slow_tokenizer converts BertTokenizer, RobertaTokenizer and
AlbertTokenizer (same normalizers, pre-tokenizers, models and post-processors), so that the
tokenizer.json reader can be checked against the vocabulary-file tokenizers on the same texts.
Standard library only: spiece.model is read as raw protobuf. Run from anywhere; rerun after
changing a fixture."""
import base64
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def added(content, token_id, lstrip=False):
    return {"id": token_id, "content": content, "single_word": False, "lstrip": lstrip,
            "rstrip": False, "normalized": False, "special": True}


def template(cls, cls_id, sep, sep_id, pair_type):
    def special(name, type_id):
        return {"SpecialToken": {"id": name, "type_id": type_id}}

    def sequence(name, type_id):
        return {"Sequence": {"id": name, "type_id": type_id}}

    return {
        "type": "TemplateProcessing",
        "single": [special(cls, 0), sequence("A", 0), special(sep, 0)],
        "pair": [special(cls, 0), sequence("A", 0), special(sep, 0), sequence("B", pair_type),
                 special(sep, pair_type)],
        "special_tokens": {cls: {"id": cls, "ids": [cls_id], "tokens": [cls]},
                           sep: {"id": sep, "ids": [sep_id], "tokens": [sep]}},
    }


def document(added_tokens, normalizer, pre_tokenizer, post_processor, model):
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added_tokens,
            "normalizer": normalizer, "pre_tokenizer": pre_tokenizer, "model": model,
            "post_processor": post_processor, "decoder": None}


def bert():
    with open(os.path.join(HERE, "bert", "vocab.txt"), encoding="utf-8") as f:
        tokens = f.read().split("\n")[:-1]
    vocab = {token: i for i, token in enumerate(tokens)}
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    return document(
        [added(t, vocab[t]) for t in specials],
        {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
         "strip_accents": None, "lowercase": True},
        {"type": "BertPreTokenizer"},
        template("[CLS]", vocab["[CLS]"], "[SEP]", vocab["[SEP]"], 1),
        {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
         "max_input_chars_per_word": 100, "vocab": vocab})


def roberta():
    with open(os.path.join(HERE, "roberta", "vocab.json"), encoding="utf-8") as f:
        vocab = json.load(f)
    with open(os.path.join(HERE, "roberta", "merges.txt"), encoding="utf-8") as f:
        merges = [line for line in f.read().split("\n")[1:] if line]
    return document(
        [added(t, vocab[t], lstrip=(t == "<mask>")) for t in ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]],
        None,
        {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        {"type": "RobertaProcessing", "sep": ["</s>", vocab["</s>"]], "cls": ["<s>", vocab["<s>"]],
         "trim_offsets": True, "add_prefix_space": False},
        {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
         "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "vocab": vocab,
         "merges": merges})


def varint(data, at):
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def fields(data):
    """(field number, wire type, value) of a protobuf message; value is bytes or an int."""
    at = 0
    while at < len(data):
        key, at = varint(data, at)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, at = varint(data, at)
        elif wire == 1:
            value, at = data[at:at + 8], at + 8
        elif wire == 2:
            length, at = varint(data, at)
            value, at = data[at:at + length], at + length
        elif wire == 5:
            value, at = data[at:at + 4], at + 4
        else:
            raise ValueError("unsupported wire type %d" % wire)
        yield number, wire, value


def sentencepiece_model(path):
    """([(piece, score, type)], precompiled charsmap bytes) of a ModelProto: pieces are field 1
    (piece 1, score 2, type 3), the normalizer_spec field 3 (precompiled_charsmap 2)."""
    with open(path, "rb") as f:
        data = f.read()
    pieces, charsmap = [], b""
    for number, _, value in fields(data):
        if number == 3:
            charsmap = next((v for n, _, v in fields(value) if n == 2), b"")
        if number != 1:
            continue
        piece, score, kind = "", 0.0, 1
        for inner, _, inner_value in fields(value):
            if inner == 1:
                piece = inner_value.decode("utf-8")
            elif inner == 2:
                score = struct.unpack("<f", inner_value)[0]
            elif inner == 3:
                kind = inner_value
        pieces.append((piece, score, kind))
    return pieces, charsmap


def albert(model_path):
    pieces, charsmap = sentencepiece_model(model_path)
    ids = {piece: i for i, (piece, _, _) in enumerate(pieces)}
    unknown_type = 2
    unk_id = next(i for i, (_, _, kind) in enumerate(pieces) if kind == unknown_type)
    specials = ["<pad>", "<unk>", "[CLS]", "[SEP]", "[MASK]"]
    # AlbertConverter with do_lower_case and not keep_accents; Precompiled only when the model
    # has normalization rules (albert/spiece.model was trained with the identity rule).
    steps = [
        {"type": "Replace", "pattern": {"String": "``"}, "content": "\""},
        {"type": "Replace", "pattern": {"String": "''"}, "content": "\""},
        {"type": "NFKD"},
        {"type": "StripAccents"},
        {"type": "Lowercase"},
    ]
    if charsmap:
        steps.append({"type": "Precompiled", "precompiled_charsmap": base64.b64encode(charsmap).decode("ascii")})
    steps.append({"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "})
    return document(
        [added(t, ids[t], lstrip=(t == "[MASK]")) for t in specials],
        {"type": "Sequence", "normalizers": steps},
        {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True},
        template("[CLS]", ids["[CLS]"], "[SEP]", ids["[SEP]"], 1),
        {"type": "Unigram", "unk_id": unk_id, "vocab": [[p, s] for p, s, _ in pieces],
         "byte_fallback": False})


def write(folder, content):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    with open(os.path.join(HERE, folder, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(content, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    write("bert_json", bert())
    write("roberta_json", roberta())
    write("albert_json", albert(os.path.join(HERE, "albert", "spiece.model")))
    write("albert_rules_json", albert(os.path.join(HERE, "albert_rules", "spiece.model")))
