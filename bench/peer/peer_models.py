"""The benchmark models of uegr-bench-step and uegr-bench-hf-step, written in PyTorch eager.

A benchmark yardstick, not a test oracle: the shapes, operators and dropout sites follow the C++
models (core/model/text_cnn.*, transformer_classifier.*, hf_encoder.*) so that the same work is
timed, but nothing here is checked against them number for number.

Every model exposes what the UEGR step needs (docs/METHOD.md, step 3 and 7):
  embed(ids) -> e [B, T, E]            the word embeddings the adversary perturbs
  forward_embedded(e, mask, rates)     logits, with one dropout rate per site
  sites                                dropout-site names, in order
  site_layers                          the parameter layer driving each site
  layer_of(parameter_name)             the parameter layer a parameter belongs to
Runs on PyTorch 1.13 and 2.x, CPU or CUDA.
"""
import math

import torch
import torch.nn.functional as F
from torch import nn

PAD = 0  # padding id of the studio's vocabularies (and of BERT's)


def lowest(dtype):
    return torch.finfo(dtype).min


def masked_max_pool(values, mask):
    """Max over real tokens of [B, T, D]; 0 for an example without any (core/model/masked_pooling)."""
    valid = mask.unsqueeze(-1)
    maxima = values.masked_fill(~valid, -math.inf).amax(1)
    return torch.where(valid.any(1), maxima, torch.zeros_like(maxima))


def masked_mean_pool(values, mask):
    weights = mask.unsqueeze(-1).to(values.dtype)
    return (values * weights).sum(1) / weights.sum(1).clamp_min(1.0)


class TextCNN(nn.Module):
    """Embeddings -> per kernel size: dropout, Conv1d, ReLU, max over time -> concat -> dropout, head."""

    def __init__(self, vocab=5000, embedding_dim=128, kernel_sizes=(3, 4, 5), filters=100, labels=2,
                 dropout=0.1):
        super().__init__()
        self.kernel_sizes = list(kernel_sizes)
        self.dropout = dropout
        self.embeddings = nn.Embedding(vocab, embedding_dim, padding_idx=PAD)
        self.convs = nn.ModuleList(nn.Conv1d(embedding_dim, filters, k) for k in self.kernel_sizes)
        self.head = nn.Linear(filters * len(self.kernel_sizes), labels)
        self.sites = [f"conv{i}" for i in range(len(self.kernel_sizes))] + ["classifier"]
        self.site_layers = self.sites[:-1] + ["head"]

    def layer_of(self, name):
        if name.startswith("convs."):
            return "conv" + name.split(".")[1]
        return name.split(".")[0]  # embeddings | head

    def embed(self, ids):
        return self.embeddings(ids)

    def forward_embedded(self, e, mask, rates):
        x = (e * mask.unsqueeze(-1).to(e.dtype)).transpose(1, 2)  # [B, E, T]
        pooled = []
        for conv, k, rate in zip(self.convs, self.kernel_sizes, rates):
            # Right-padded by k - 1 as in the C++ model, so every position starts a window.
            h = conv(F.pad(F.dropout(x, rate, self.training), (0, k - 1)))
            pooled.append(masked_max_pool(F.relu(h).transpose(1, 2), mask))
        return self.head(F.dropout(torch.cat(pooled, 1), rates[-1], self.training))


class SelfAttention(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.query, self.key, self.value, self.output = (nn.Linear(width, width) for _ in range(4))

    def forward(self, x, mask):
        b, t, w = x.shape
        split = lambda y: y.view(b, t, self.heads, w // self.heads).transpose(1, 2)  # noqa: E731
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        # Written out rather than F.scaled_dot_product_attention: the same kernels as the C++ model.
        scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(w // self.heads)
        scores = scores.masked_fill(~mask.view(b, 1, 1, t), lowest(scores.dtype))
        context = torch.matmul(torch.softmax(scores, -1), v)
        return self.output(context.transpose(1, 2).reshape(b, t, w))


class EncoderBlock(nn.Module):
    """Pre-LN: x + drop(attention(norm(x))), then x + drop(feed_forward(norm(x)))."""

    def __init__(self, width, heads, ff):
        super().__init__()
        self.attention_norm = nn.LayerNorm(width)
        self.attention = SelfAttention(width, heads)
        self.feed_forward_norm = nn.LayerNorm(width)
        self.feed_forward_in = nn.Linear(width, ff)
        self.feed_forward_out = nn.Linear(ff, width)

    def forward(self, x, mask, rate):
        x = x + F.dropout(self.attention(self.attention_norm(x), mask), rate, self.training)
        fed = self.feed_forward_out(F.gelu(self.feed_forward_in(self.feed_forward_norm(x))))
        return x + F.dropout(fed, rate, self.training)


class Transformer(nn.Module):
    """Word + position embeddings -> LayerNorm -> pre-LN blocks -> LayerNorm -> mean pool -> head."""

    def __init__(self, vocab=5000, width=128, layers=2, heads=4, ff=256, max_length=64, labels=2,
                 dropout=0.1):
        super().__init__()
        self.dropout = dropout
        self.embeddings = nn.Embedding(vocab, width, padding_idx=PAD)
        self.position_embeddings = nn.Embedding(max_length, width)
        self.embedding_norm = nn.LayerNorm(width)
        self.blocks = nn.ModuleList(EncoderBlock(width, heads, ff) for _ in range(layers))
        self.final_norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, labels)
        self.sites = [f"block{i}" for i in range(layers)] + ["classifier"]
        self.site_layers = self.sites[:-1] + ["head"]

    def layer_of(self, name):
        first = name.split(".")[0]
        if first == "blocks":
            return "block" + name.split(".")[1]
        return "head" if first in ("final_norm", "head") else "embeddings"

    def embed(self, ids):
        return self.embeddings(ids)

    def forward_embedded(self, e, mask, rates):
        positions = torch.arange(e.size(1), device=e.device)
        x = self.embedding_norm(e + self.position_embeddings(positions).unsqueeze(0))
        for block, rate in zip(self.blocks, rates):
            x = block(x, mask, rate)
        pooled = masked_mean_pool(self.final_norm(x), mask)
        return self.head(F.dropout(pooled, rates[-1], self.training))


class BertLayer(nn.Module):
    """Post-LN BERT layer with transformers' parameter names (attention.self.query, ...)."""

    def __init__(self, hidden, heads, intermediate):
        super().__init__()
        self.heads = heads
        self.attention = nn.Module()
        self.attention.self = nn.Module()
        for name in ("query", "key", "value"):
            setattr(self.attention.self, name, nn.Linear(hidden, hidden))
        self.attention.output = nn.Module()
        self.attention.output.dense = nn.Linear(hidden, hidden)
        self.attention.output.LayerNorm = nn.LayerNorm(hidden, eps=1e-12)
        self.intermediate = nn.Module()
        self.intermediate.dense = nn.Linear(hidden, intermediate)
        self.output = nn.Module()
        self.output.dense = nn.Linear(intermediate, hidden)
        self.output.LayerNorm = nn.LayerNorm(hidden, eps=1e-12)

    def forward(self, x, additive_mask, attention_rate, hidden_rate):
        b, t, w = x.shape
        attn = self.attention
        split = lambda y: y.view(b, t, self.heads, w // self.heads).permute(0, 2, 1, 3)  # noqa: E731
        q, k, v = split(attn.self.query(x)), split(attn.self.key(x)), split(attn.self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(w // self.heads) + additive_mask
        probabilities = F.dropout(torch.softmax(scores, -1), attention_rate, self.training)
        context = torch.matmul(probabilities, v).permute(0, 2, 1, 3).reshape(b, t, w)
        x = attn.output.LayerNorm(x + F.dropout(attn.output.dense(context), hidden_rate, self.training))
        fed = self.output.dense(F.gelu(self.intermediate.dense(x)))
        return self.output.LayerNorm(x + F.dropout(fed, hidden_rate, self.training))


class Bert(nn.Module):
    """BERT-shaped sequence classifier as uegr-bench-hf-step builds it (pooler, classifier)."""

    def __init__(self, vocab=8000, hidden=256, layers=4, heads=4, intermediate=1024, labels=2,
                 max_positions=512, dropout=0.1):
        super().__init__()
        self.dropout = dropout
        self.bert = nn.Module()
        emb = self.bert.embeddings = nn.Module()
        emb.word_embeddings = nn.Embedding(vocab, hidden, padding_idx=PAD)
        emb.position_embeddings = nn.Embedding(max_positions, hidden)
        emb.token_type_embeddings = nn.Embedding(2, hidden)
        emb.LayerNorm = nn.LayerNorm(hidden, eps=1e-12)
        self.bert.encoder = nn.Module()
        self.bert.encoder.layer = nn.ModuleList(BertLayer(hidden, heads, intermediate) for _ in range(layers))
        self.bert.pooler = nn.Module()
        self.bert.pooler.dense = nn.Linear(hidden, hidden)
        self.classifier = nn.Linear(hidden, labels)
        for module in self.modules():  # transformers' initialisation (normal 0.02, zero biases)
            if isinstance(module, (nn.Linear, nn.Embedding)):
                nn.init.normal_(module.weight, std=0.02)
            if isinstance(module, nn.Linear):
                nn.init.zeros_(module.bias)
        self.sites = ["embeddings"]
        self.site_layers = ["embeddings"]
        for i in range(layers):
            self.sites += [f"layer{i}.attention", f"layer{i}.hidden"]
            self.site_layers += [f"layer{i}", f"layer{i}"]
        self.sites.append("classifier")
        self.site_layers.append("head")

    def layer_of(self, name):
        if name.startswith("bert.embeddings."):
            return "embeddings"
        if name.startswith("bert.encoder.layer."):
            return "layer" + name.split(".")[3]
        return "head"  # pooler and classifier

    def embed(self, ids):  # words plus token types (all type 0: the batches have no separator)
        emb = self.bert.embeddings
        return emb.word_embeddings(ids) + emb.token_type_embeddings(torch.zeros_like(ids))

    def forward_embedded(self, e, mask, rates):
        emb = self.bert.embeddings
        positions = torch.arange(e.size(1), device=e.device)
        x = F.dropout(emb.LayerNorm(e + emb.position_embeddings(positions)), rates[0], self.training)
        additive = ((~mask).to(e.dtype) * lowest(e.dtype)).view(e.size(0), 1, 1, e.size(1))
        for i, layer in enumerate(self.bert.encoder.layer):
            x = layer(x, additive, rates[1 + 2 * i], rates[2 + 2 * i])
        pooled = torch.tanh(self.bert.pooler.dense(x[:, 0]))
        return self.classifier(F.dropout(pooled, rates[-1], self.training))


def create(name, vocab, length, **bert_shape):
    if name == "textcnn":
        return TextCNN(vocab=vocab)
    if name == "transformer":
        return Transformer(vocab=vocab, max_length=length)
    if name == "bert":
        return Bert(vocab=vocab, **bert_shape)
    raise ValueError(f"unknown model {name!r} (textcnn | transformer | bert)")


def transformers_bert(vocab, hidden, layers, heads, intermediate):
    """transformers' BertForSequenceClassification of the same shape, or None without transformers.

    Only for a vanilla step: its dropout has one rate, not one per site, so it cannot run UEGR.
    """
    try:
        from transformers import BertConfig, BertForSequenceClassification
    except ImportError:
        return None
    config = BertConfig(vocab_size=vocab, hidden_size=hidden, num_hidden_layers=layers,
                        num_attention_heads=heads, intermediate_size=intermediate, num_labels=2)
    return BertForSequenceClassification(config)
