#pragma once
// tokenizer.json's post_processor, the special tokens put around one text or a pair. Read:
// BertProcessing ([CLS] A [SEP] B [SEP], type ids 0 then 1), RobertaProcessing (<s> A </s></s>
// B </s>, type ids 0) and TemplateProcessing whose templates are one of those two layouts
// (pieces as {"SpecialToken"/"Sequence": {"id", "type_id"}} objects or "[CLS]:0"/"$A" strings).
#include "text/subword_tokenizer.h"
#include "util/json_field.h"

namespace uegr {

struct SpecialTokenFrame {
    SubwordPiece cls;  // token and id as the post-processor records them
    SubwordPiece sep;
    SpecialTokenLayout layout = SpecialTokenLayout::Bert;
};

// `root` is the whole document. Throws InputError naming the key of an unsupported or
// malformed post-processor (a missing or null one included: the layouts need special tokens).
SpecialTokenFrame readPostProcessor(const JsonField& root);

}  // namespace uegr
