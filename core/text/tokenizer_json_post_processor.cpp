#include "text/tokenizer_json_post_processor.h"

#include <limits>
#include <sstream>

#include "util/message_text.h"

namespace uegr {
namespace {

constexpr std::int64_t kMaxId = std::numeric_limits<std::int32_t>::max();

struct TemplatePiece {
    bool sequence = false;  // $A / $B rather than a special token
    std::string id;         // "A", "B" or the special token's name
    std::int64_t typeId = 0;
};

bool operator==(const TemplatePiece& a, const TemplatePiece& b) {
    return a.sequence == b.sequence && a.id == b.id && a.typeId == b.typeId;
}

// "[CLS]:0", "$A", "$B:1", "$" (= $A).
TemplatePiece parsePieceText(const JsonField& field, std::string text) {
    TemplatePiece piece;
    const std::size_t colon = text.rfind(':');
    if (colon != std::string::npos && colon + 1 < text.size() &&
        text.find_first_not_of("0123456789", colon + 1) == std::string::npos && text.size() - colon <= 9) {
        piece.typeId = std::stoll(text.substr(colon + 1));
        text.resize(colon);
    }
    if (!text.empty() && text.front() == '$') {
        piece.sequence = true;
        piece.id = text.size() == 1 ? "A" : text.substr(1);
        if (piece.id != "A" && piece.id != "B")
            field.fail("has the unknown sequence \"" + excerpt(text) + "\"");
    } else {
        piece.id = text;
    }
    return piece;
}

TemplatePiece parsePiece(const JsonField& field) {
    if (field.json().is_string()) return parsePieceText(field, field.asString());
    field.requireObject();
    const bool sequence = field.find("Sequence").has_value();
    const std::optional<JsonField> body = sequence ? field.find("Sequence") : field.find("SpecialToken");
    if (!body) field.fail("must be a {\"Sequence\": ...} or {\"SpecialToken\": ...} object");
    TemplatePiece piece{sequence, body->at("id").asString(), body->at("type_id").asInteger(0, kMaxId)};
    if (sequence && piece.id != "A" && piece.id != "B") body->at("id").fail("must be \"A\" or \"B\"");
    return piece;
}

std::vector<TemplatePiece> parseTemplate(const JsonField& field) {
    std::vector<TemplatePiece> pieces;
    if (field.json().is_string()) {  // "[CLS]:0 $A:0 [SEP]:0"
        std::istringstream words(field.asString());
        for (std::string word; words >> word;) pieces.push_back(parsePieceText(field, word));
        return pieces;
    }
    for (const JsonField& element : field.elements()) pieces.push_back(parsePiece(element));
    return pieces;
}

TemplatePiece special(const std::string& id, std::int64_t typeId) {
    return {false, id, typeId};
}

TemplatePiece sequence(const std::string& id, std::int64_t typeId) {
    return {true, id, typeId};
}

// The token and id a TemplateProcessing special_tokens entry gives the template's name.
SubwordPiece templateToken(const JsonField& processor, const std::string& name) {
    const JsonField entry = processor.at("special_tokens").at(name);
    const std::vector<JsonField> ids = entry.at("ids").elements();
    const std::vector<JsonField> tokens = entry.at("tokens").elements();
    if (ids.size() != 1 || tokens.size() != 1)
        entry.fail("must have exactly one id and one token (multi-token specials are not supported)");
    return {ids[0].asInteger(0, kMaxId), tokens[0].asString()};
}

SpecialTokenFrame readTemplateProcessing(const JsonField& processor) {
    const std::vector<TemplatePiece> single = parseTemplate(processor.at("single"));
    if (single.size() != 3 || single[0].sequence || !(single[1] == sequence("A", 0)) || single[2].sequence ||
        single[0].typeId != 0 || single[2].typeId != 0) {
        processor.at("single").fail("is not supported: only the \"<cls>:0 $A:0 <sep>:0\" template is");
    }
    const std::string& cls = single[0].id;
    const std::string& sep = single[2].id;
    const std::vector<TemplatePiece> pair = parseTemplate(processor.at("pair"));
    const std::vector<TemplatePiece> bert{special(cls, 0), sequence("A", 0), special(sep, 0),
                                          sequence("B", 1), special(sep, 1)};
    const std::vector<TemplatePiece> roberta{special(cls, 0), sequence("A", 0), special(sep, 0),
                                             special(sep, 0), sequence("B", 0), special(sep, 0)};
    SpecialTokenFrame frame;
    if (pair == bert) {
        frame.layout = SpecialTokenLayout::Bert;
    } else if (pair == roberta) {
        frame.layout = SpecialTokenLayout::Roberta;
    } else {
        processor.at("pair").fail(
            "is not supported: only the BERT (\"<cls> $A <sep> $B:1 <sep>:1\") and RoBERTa "
            "(\"<cls> $A <sep> <sep> $B <sep>\") templates are");
    }
    frame.cls = templateToken(processor, cls);
    frame.sep = templateToken(processor, sep);
    return frame;
}

// BertProcessing / RobertaProcessing store each token as ["[CLS]", 101].
SubwordPiece tokenAndId(const JsonField& field) {
    const std::vector<JsonField> parts = field.elements();
    if (parts.size() != 2) field.fail("must be a [token, id] pair");
    return {parts[1].asInteger(0, kMaxId), parts[0].asString()};
}

}  // namespace

SpecialTokenFrame readPostProcessor(const JsonField& root) {
    const JsonField processor = root.at("post_processor");
    if (processor.isNull())
        processor.fail("is null: tokenizers without special tokens around the text are not supported");
    const std::string type = processor.at("type").asString();
    if (type == "TemplateProcessing") return readTemplateProcessing(processor);
    if (type == "BertProcessing" || type == "RobertaProcessing") {
        return {tokenAndId(processor.at("cls")), tokenAndId(processor.at("sep")),
                type == "BertProcessing" ? SpecialTokenLayout::Bert : SpecialTokenLayout::Roberta};
    }
    processor.at("type").fail(
        "\"" + excerpt(type) +
        "\" is not supported (TemplateProcessing, BertProcessing or RobertaProcessing)");
}

}  // namespace uegr
