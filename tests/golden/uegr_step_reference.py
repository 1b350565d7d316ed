#!/usr/bin/python3
"""Independent reference of the UEGR training step, written from docs/METHOD.md alone.

It never imports or calls UEGR Studio's C++ code. For a tiny TextCNN and a tiny Transformer with
fixed weights and one fixed batch, it runs 3 UEGR steps in float64 for every saliency kind and
mask mode, and writes the inputs, every random draw it consumed (dropout keep masks, the
adversary's uniform start, the dropout controller's uniform draws) and the results to
tests/data/golden/uegr_step_<model>.safetensors. tests/golden/test_uegr_step_golden.cpp replays
the same draws into the C++ step (core/model/random_draws.h) and compares, so CI needs no Python.

Regenerate (Debian: apt-get install python3-torch, torch 1.13):
    /usr/bin/python3 tests/golden/uegr_step_reference.py tests/data/golden
"""
import json
import math
import struct
import sys
from pathlib import Path

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

STEPS = 3          # steps compared
TOTAL_STEPS = 10   # T: learning-rate warm-up W = 1 and mask warm-up W_m = 1, so step 1 is unmasked
BETA1, BETA2, ADAM_EPS = 0.9, 0.999, 1e-8
LOG_FLOOR = -100.0
TINY_NORM = 1e-12
PAD_ID = 0
EXEMPT_WORDS = ["embeddings", "bias", "norm", "head"]

# ---------------------------------------------------------------------------------------------
# Inputs: the models' shapes, their configs and the batch.

BATCH_IDS = [[5, 9, 3, 12, 7, 4],
             [8, 2, 14, 6, 0, 0],
             [11, 13, 5, 0, 0, 0],
             [3, 10, 15, 9, 6, 1]]
BATCH_LABELS = [2, 0, 1, 2]
VOCAB, LABELS, MAX_LENGTH = 16, 3, 6

COMMON = {
    "training": {"lr": 0.01, "weight_decay": 0.01, "warmup_ratio": 0.1, "seed": 42},
    "uegr": {"use_clean_loss": True, "passes": 3, "dropout_min": 0.05, "dropout_max": 0.3,
             "dropout_jitter": 1.0, "dropout_rule": "importance", "importance_ema": 0.9,
             "lambda_adv": 0.7, "lambda_js": 1.5, "mask_exempt": EXEMPT_WORDS,
             "mask_warmup_ratio": 0.1},
}

MODELS = {
    # Zero start (the clean gradient is the first ascent direction), a second ascent step with
    # projection, a global mask recomputed every step, no saliency EMA.
    "textcnn": {
        "model": {"type": "textcnn", "embedding_dim": 8, "num_filters": 4, "kernel_sizes": [2, 3],
                  "dropout": 0.1},
        "uegr": {"adv_steps": 2, "adv_step_size": 0.05, "adv_max_norm": 0.08, "adv_scale": "relative",
                 "adv_init": "zero", "adv_init_mag": 0.0, "max_grad_norm": 8.0, "saliency_ema": 0.0,
                 "keep_ratio": 0.5, "mask_rank": "global", "mask_every": 1},
    },
    # Uniform start at an absolute scale (no gradient reuse), per-tensor masks recomputed every
    # second step, saliency EMA.
    "transformer": {
        "model": {"type": "transformer", "embedding_dim": 8, "hidden_dim": 8, "num_layers": 2,
                  "num_heads": 2, "ff_dim": 12, "dropout": 0.1},
        "uegr": {"adv_steps": 1, "adv_step_size": 0.5, "adv_max_norm": 0.0, "adv_scale": "absolute",
                 "adv_init": "uniform", "adv_init_mag": 0.3, "max_grad_norm": 3.0, "saliency_ema": 0.5,
                 "keep_ratio": 0.3, "mask_rank": "per_tensor", "mask_every": 2},
    },
}
SALIENCY_KINDS = ["taylor", "fisher", "gradient"]
MASK_MODES = ["hard", "soft"]
# Scenario name -> uegr keys: every saliency kind with both mask modes, then the other dropout
# rules, one of them with the clean loss off (TextCNN: the clean pass then only gives the
# adversary its direction; Transformer, with its uniform start: no clean pass at all).
SCENARIOS = {f"{kind}_{mode}": {"saliency": kind, "mask_mode": mode}
             for kind in SALIENCY_KINDS for mode in MASK_MODES}
SCENARIOS["uniform_rule_no_clean_loss"] = {"saliency": "taylor", "mask_mode": "hard",
                                           "dropout_rule": "uniform", "use_clean_loss": False}
SCENARIOS["fixed_rule"] = {"saliency": "taylor", "mask_mode": "hard", "dropout_rule": "fixed"}


def scenario_config(model_name, scenario):
    spec = MODELS[model_name]
    uegr = dict(COMMON["uegr"], **spec["uegr"], **SCENARIOS[scenario])
    return {"model": spec["model"], "training": dict(COMMON["training"], method="uegr"), "uegr": uegr}


# ---------------------------------------------------------------------------------------------
# The models, as described in docs/ARCHITECTURE.md and the model headers: parameters are a dict
# name -> tensor (names as the C++ modules register them), layers a list of (name, [parameters]),
# sites a list of (site, layer).

def init_weights(model_name, generator):
    def normal(*shape, std=0.3):
        return torch.randn(*shape, generator=generator) * std

    cfg = MODELS[model_name]["model"]
    E = cfg["embedding_dim"]
    params = {}
    table = normal(VOCAB, E, std=1.0)
    table[PAD_ID] = 0  # the padding row, as the model initialises it
    params["embeddings.weight"] = table
    if model_name == "textcnn":
        for i, k in enumerate(cfg["kernel_sizes"]):
            params[f"conv{i}.weight"] = normal(cfg["num_filters"], E, k)
            params[f"conv{i}.bias"] = normal(cfg["num_filters"], std=0.1)
        width = cfg["num_filters"] * len(cfg["kernel_sizes"])
    else:
        H, FF = cfg["hidden_dim"], cfg["ff_dim"]
        params["position_embeddings.weight"] = normal(MAX_LENGTH, E, std=0.5)
        params["embedding_norm.weight"] = 1 + normal(E, std=0.1)
        params["embedding_norm.bias"] = normal(E, std=0.1)
        for i in range(cfg["num_layers"]):
            b = f"block{i}."
            params[b + "attention_norm.weight"] = 1 + normal(H, std=0.1)
            params[b + "attention_norm.bias"] = normal(H, std=0.1)
            for part in ["query", "key", "value", "output"]:
                params[b + f"attention.{part}.weight"] = normal(H, H, std=0.4)
                params[b + f"attention.{part}.bias"] = normal(H, std=0.1)
            params[b + "feed_forward_norm.weight"] = 1 + normal(H, std=0.1)
            params[b + "feed_forward_norm.bias"] = normal(H, std=0.1)
            params[b + "feed_forward_in.weight"] = normal(FF, H, std=0.4)
            params[b + "feed_forward_in.bias"] = normal(FF, std=0.1)
            params[b + "feed_forward_out.weight"] = normal(H, FF, std=0.4)
            params[b + "feed_forward_out.bias"] = normal(H, std=0.1)
        params["final_norm.weight"] = 1 + normal(H, std=0.1)
        params["final_norm.bias"] = normal(H, std=0.1)
        width = H
    params["head.weight"] = normal(LABELS, width, std=0.5)
    params["head.bias"] = normal(LABELS, std=0.1)
    return params


def layers_and_sites(model_name, params):
    """Parameter layers and dropout sites (docs/METHOD.md, step 3 table)."""
    cfg = MODELS[model_name]["model"]
    if model_name == "textcnn":
        n = len(cfg["kernel_sizes"])
        layers = [("embeddings", ["embeddings.weight"])]
        layers += [(f"conv{i}", [f"conv{i}.weight", f"conv{i}.bias"]) for i in range(n)]
        layers += [("head", ["head.weight", "head.bias"])]
        sites = [(f"conv{i}", f"conv{i}") for i in range(n)] + [("classifier", "head")]
    else:
        n = cfg["num_layers"]
        layers = [("embeddings", [p for p in params if p.startswith(("embeddings.", "position_embeddings.",
                                                                     "embedding_norm."))])]
        layers += [(f"block{i}", [p for p in params if p.startswith(f"block{i}.")]) for i in range(n)]
        # "head" is everything after the last block: the final norm and the classifier.
        layers += [("head", [p for p in params if p.startswith(("final_norm.", "head."))])]
        sites = [(f"block{i}", f"block{i}") for i in range(n)] + [("classifier", "head")]
    return layers, sites


def textcnn_logits(P, e, mask, rates, drop):
    kernels = MODELS["textcnn"]["model"]["kernel_sizes"]
    x = (e * mask.unsqueeze(-1).to(e.dtype)).transpose(1, 2)  # [B, E, T], padding zeroed
    pooled = []
    for i, k in enumerate(kernels):
        dropped = F.pad(drop(x, rates[i]), (0, k - 1))  # k-1 zeros on the right
        h = F.relu(F.conv1d(dropped, P[f"conv{i}.weight"], P[f"conv{i}.bias"])).transpose(1, 2)
        # The max runs over the windows that start on a real token.
        pooled.append(h.masked_fill(~mask.unsqueeze(-1), -math.inf).max(dim=1).values)
    features = torch.cat(pooled, dim=1)
    return F.linear(drop(features, rates[-1]), P["head.weight"], P["head.bias"])


def transformer_logits(P, e, mask, rates, drop):
    cfg = MODELS["transformer"]["model"]
    H, heads = cfg["hidden_dim"], cfg["num_heads"]
    B, T, _ = e.shape

    def norm(x, name):
        return F.layer_norm(x, (x.shape[-1],), P[name + ".weight"], P[name + ".bias"], eps=1e-5)

    def linear(x, name):
        return F.linear(x, P[name + ".weight"], P[name + ".bias"])

    x = norm(e + P["position_embeddings.weight"][:T].unsqueeze(0), "embedding_norm")
    for i in range(cfg["num_layers"]):
        b = f"block{i}."
        h = norm(x, b + "attention_norm")
        split = lambda t: t.view(B, T, heads, H // heads).transpose(1, 2)
        q, k, v = (split(linear(h, b + f"attention.{p}")) for p in ("query", "key", "value"))
        scores = q @ k.transpose(-2, -1) / math.sqrt(H // heads)
        scores = scores.masked_fill(~mask.view(B, 1, 1, T), torch.finfo(scores.dtype).min)
        context = (torch.softmax(scores, -1) @ v).transpose(1, 2).reshape(B, T, H)
        x = x + drop(linear(context, b + "attention.output"), rates[i])
        fed = linear(F.gelu(linear(norm(x, b + "feed_forward_norm"), b + "feed_forward_in")),
                     b + "feed_forward_out")
        x = x + drop(fed, rates[i])
    weights = mask.unsqueeze(-1).to(x.dtype)
    pooled = (norm(x, "final_norm") * weights).sum(1) / weights.sum(1).clamp_min(1)
    return F.linear(drop(pooled, rates[-1]), P["head.weight"], P["head.bias"])


LOGITS = {"textcnn": textcnn_logits, "transformer": transformer_logits}


# ---------------------------------------------------------------------------------------------
# Random draws: generated here, recorded in consumption order, replayed by the C++ test.

class Draws:
    def __init__(self, seed):
        self.generator = torch.Generator().manual_seed(seed)
        self.keep_masks, self.keep_rates, self.noise, self.units = [], [], [], []

    def dropout(self, x, rate):
        keep = torch.rand(x.shape, generator=self.generator) >= rate  # Bernoulli(1 − rate)
        self.keep_masks.append(keep)
        self.keep_rates.append(rate)
        return x * (keep.to(x.dtype) / (1 - rate))

    def symmetric_uniform(self, shape):
        xi = torch.rand(shape, generator=self.generator) * 2 - 1
        self.noise.append(xi)
        return xi

    def uniform(self, low, high):
        u = torch.rand((), generator=self.generator).item()
        self.units.append(u)
        return low + (high - low) * u


# ---------------------------------------------------------------------------------------------
# The method, docs/METHOD.md "One training step".

def learning_rate(peak, t, T, warmup_ratio):
    W = math.floor(warmup_ratio * T)
    if t <= W:
        return peak * t / W
    return peak * (T - t + 1) / max(T - W, 1)


def cross_entropy(z, y):
    return -torch.log_softmax(z, -1).gather(1, y.unsqueeze(1)).mean()


def js_divergence(logits):
    K = len(logits)
    log_p = [torch.log_softmax(z, -1).clamp_min(LOG_FLOOR) for z in logits]
    log_m = (torch.logsumexp(torch.stack(log_p), 0) - math.log(K)).clamp_min(LOG_FLOOR)
    return sum((lp.exp() * (lp - log_m)).sum(-1).mean() for lp in log_p) / K


def example_norms(v, mask):
    return (v * mask.unsqueeze(-1).to(v.dtype)).pow(2).sum((1, 2)).sqrt()


def is_exempt(name, layer):
    parts = [layer.lower()] + name.lower().split(".")
    return any(word.lower() in part for word in EXEMPT_WORDS for part in parts)


def saliency(kind, theta, g):
    return {"taylor": (theta * g).abs(), "fisher": g * g, "gradient": g.abs()}[kind]


def top_share(S, k):
    """Keeps the k largest of the flat S, ties by lower index, never an element with S = 0."""
    order = sorted(range(S.numel()), key=lambda i: (-S[i].item(), i))
    keep = torch.zeros(S.numel(), dtype=torch.bool)
    keep[order[:max(k, 0)]] = True
    return keep & (S > 0), order


class Controller:
    """Adaptive dropout (step 3)."""

    def __init__(self, n_sites, u):
        self.A, self.n_sites, self.u = None, n_sites, u

    def importance(self):
        if self.A is None:
            return []
        low, high = min(self.A), max(self.A)
        return [(a - low) / (high - low) if high > low else 0.5 for a in self.A]

    def rates(self, K, draws):
        p_min, p_max, j = self.u["dropout_min"], self.u["dropout_max"], self.u["dropout_jitter"]
        if self.u["dropout_rule"] == "fixed":
            return [[(p_min + p_max) / 2] * self.n_sites for _ in range(K)]
        if self.A is None or self.u["dropout_rule"] == "uniform":
            return [[draws.uniform(p_min, p_max) for _ in range(self.n_sites)] for _ in range(K)]
        h = j * (p_max - p_min) / 2
        I = self.importance()
        out = []
        for _ in range(K):
            row = []
            for l in range(self.n_sites):
                b = p_max - (p_max - p_min) * I[l]
                row.append(min(max(b + (draws.uniform(-h, h) if h > 0 else 0.0), p_min), p_max))
            out.append(row)
        return out

    def observe(self, means):
        g = self.u["importance_ema"]
        self.A = list(means) if self.A is None else [g * a + (1 - g) * s for a, s in zip(self.A, means)]


class Reference:
    def __init__(self, model_name, config, weights, draws):
        self.model_name, self.cfg, self.u = model_name, config, config["uegr"]
        self.P = {n: w.clone().requires_grad_(True) for n, w in weights.items()}
        self.names = list(weights)
        self.layers, self.sites = layers_and_sites(model_name, weights)
        self.layer_of = {p: l for l, ps in self.layers for p in ps}
        self.eligible = [n for n in self.names if not is_exempt(n, self.layer_of[n])]
        self.draws = draws
        self.m = {n: torch.zeros_like(w) for n, w in weights.items()}
        self.v = {n: torch.zeros_like(w) for n, w in weights.items()}
        self.count = {n: torch.zeros(w.shape, dtype=torch.int32) for n, w in weights.items()}
        self.S = None            # saliency (EMA) of the eligible parameters, flat
        self.layer_sums = None   # per site layer, Σ saliency (EMA)
        self.masks = None        # name -> bool, eligible parameters only
        self.controller = Controller(len(self.sites), self.u)
        self.min_mask_margin = math.inf
        self.min_clip_margin = math.inf

    def f(self, e, mask, rates):
        return LOGITS[self.model_name](self.P, e, mask, rates, self.draws.dropout)

    def adversary(self, e, mask, y, clean_gradient):
        u = self.u
        r0 = [self.cfg["model"]["dropout"]] * len(self.sites)
        e = e.detach()
        pad = mask.unsqueeze(-1).to(e.dtype)
        s = example_norms(e, mask) if u["adv_scale"] == "relative" else torch.ones(e.shape[0])
        col = lambda t: t.view(-1, 1, 1)
        delta = torch.zeros_like(e)
        uniform_start = u["adv_init"] == "uniform" and u["adv_init_mag"] > 0
        if uniform_start:
            xi = self.draws.symmetric_uniform(e.shape) * pad
            delta = xi * col(u["adv_init_mag"] * s / xi.pow(2).sum((1, 2)).sqrt())
        for i in range(u["adv_steps"]):
            if i == 0 and not uniform_start:
                g = clean_gradient
            else:
                probe = delta.clone().requires_grad_(True)
                g = torch.autograd.grad(cross_entropy(self.f(e + probe, mask, r0), y), probe)[0]
            g = g * pad
            g_norm = g.pow(2).sum((1, 2)).sqrt().clamp_min(TINY_NORM)
            delta = delta + u["adv_step_size"] * col(s) * g / col(g_norm)
            if u["adv_max_norm"] > 0:
                norm = delta.pow(2).sum((1, 2)).sqrt()
                delta = delta * col(torch.clamp(u["adv_max_norm"] * s / norm, max=1.0))
            delta = delta * pad
        return delta.detach()

    def step(self, t, ids, mask, y):
        u, model = self.u, self.cfg["model"]
        K, n_sites = u["passes"], len(self.sites)
        lr = learning_rate(self.cfg["training"]["lr"], t, TOTAL_STEPS, self.cfg["training"]["warmup_ratio"])
        record = {"lr": lr}

        # Forward stage, steps 1-4.
        e = F.embedding(ids, self.P["embeddings.weight"], padding_idx=PAD_ID)
        uniform_start = u["adv_init"] == "uniform" and u["adv_init_mag"] > 0
        needs_direction = u["adv_steps"] > 0 and not uniform_start
        loss_clean, clean_gradient = None, None
        if u["use_clean_loss"] or needs_direction:  # the clean pass
            loss_clean = cross_entropy(self.f(e, mask, [model["dropout"]] * n_sites), y)
        if needs_direction:
            clean_gradient = torch.autograd.grad(loss_clean, e, retain_graph=True)[0]
        delta = self.adversary(e, mask, y, clean_gradient) if u["adv_steps"] > 0 else torch.zeros_like(e)
        rates = self.controller.rates(K, self.draws)
        logits = [self.f(e + delta, mask, rates[k]) for k in range(K)]
        loss_adv = sum(cross_entropy(z, y) for z in logits) / K
        loss_js = js_divergence(logits)
        loss = u["lambda_adv"] * loss_adv + u["lambda_js"] * loss_js
        if u["use_clean_loss"]:
            loss = loss_clean + loss
        # L_clean is reported whenever the clean pass ran, 0 without it.
        record.update(loss=loss.item(), loss_clean=loss_clean.item() if loss_clean is not None else 0.0,
                      loss_adv=loss_adv.item(),
                      loss_js=loss_js.item(),
                      site_rates=[sum(r[l] for r in rates) / K for l in range(n_sites)])

        # Backward stage, steps 5-9.
        grads = dict(zip(self.names, torch.autograd.grad(loss, [self.P[n] for n in self.names])))
        theta = {n: self.P[n].detach().clone() for n in self.names}  # θ before the update
        G = math.sqrt(sum(g.pow(2).sum().item() for g in grads.values()))
        C = u["max_grad_norm"]
        c = C / (G + 1e-6) if C > 0 and G > C else 1.0
        self.min_clip_margin = min(self.min_clip_margin, abs(G - C) / C)
        record["grad_norm"] = G

        W_m = math.floor(u["mask_warmup_ratio"] * TOTAL_STEPS)
        active = t > W_m
        recompute = active and (self.masks is None or (t - W_m - 1) % u["mask_every"] == 0)
        beta = u["saliency_ema"]
        if recompute or beta > 0:
            s = torch.cat([saliency(u["saliency"], theta[n], grads[n]).reshape(-1) for n in self.eligible])
            self.S = s if beta == 0 or self.S is None else beta * self.S + (1 - beta) * s
        if recompute:
            self.masks = self.select_masks()
        if not active:
            self.masks = None
        record["masks"] = dict(self.masks) if self.masks is not None else None
        kept = sum(self.masks[n].sum().item() for n in self.eligible) if self.masks else None
        eligible_count = sum(theta[n].numel() for n in self.eligible)
        record["mask_density_global"] = kept / eligible_count if kept is not None else 1.0

        self.adamw(theta, grads, c, lr)

        # Step 9: per-site mean saliency of this step (EMA'd with β), over all parameters of the layer.
        site_layers = [layer for _, layer in self.sites]
        sums = []
        for layer in site_layers:
            members = dict(self.layers)[layer]
            sums.append(sum(saliency(u["saliency"], theta[n], grads[n]).sum().item() for n in members))
        if beta > 0 and self.layer_sums is not None:
            sums = [beta * old + (1 - beta) * new for old, new in zip(self.layer_sums, sums)]
        self.layer_sums = sums
        sizes = [sum(theta[n].numel() for n in dict(self.layers)[layer]) for layer in site_layers]
        if u["dropout_rule"] == "importance":
            self.controller.observe([sm / sz for sm, sz in zip(sums, sizes)])
        return record

    def select_masks(self):
        u = self.u
        sizes = [self.P[n].numel() for n in self.eligible]
        pieces = torch.split(self.S, sizes)
        if u["mask_rank"] == "global":
            groups = [(self.S, list(zip(self.eligible, sizes)))]
        else:
            groups = [(piece, [(n, size)]) for piece, n, size in zip(pieces, self.eligible, sizes)]
        masks = {}
        for S, members in groups:
            k = math.floor(u["keep_ratio"] * S.numel())
            keep, order = top_share(S, k)
            if 0 < k < S.numel():
                a, b = S[order[k - 1]].item(), S[order[k]].item()
                self.min_mask_margin = min(self.min_mask_margin, (a - b) / max(a, 1e-300))
            for piece, (n, size) in zip(torch.split(keep, [size for _, size in members]), members):
                masks[n] = piece.view(self.P[n].shape)
        return masks

    def adamw(self, theta, grads, c, lr):
        wd, soft = self.cfg["training"]["weight_decay"], self.u["mask_mode"] == "soft"
        with torch.no_grad():
            for n in self.names:
                kappa = self.masks[n] if self.masks is not None and n in self.masks else torch.ones_like(
                    theta[n], dtype=torch.bool)
                steps = torch.ones_like(kappa) if soft else kappa  # which elements take a step
                g_hat = c * grads[n] * (kappa.to(theta[n].dtype) if soft else 1.0)
                count = self.count[n] + steps.to(torch.int32)
                m = BETA1 * self.m[n] + (1 - BETA1) * g_hat
                v = BETA2 * self.v[n] + (1 - BETA2) * g_hat * g_hat
                n_f = count.to(theta[n].dtype).clamp_min(1)
                m_hat, v_hat = m / (1 - BETA1 ** n_f), v / (1 - BETA2 ** n_f)
                new = theta[n] * (1 - lr * wd) - lr * m_hat / (v_hat.sqrt() + ADAM_EPS)
                self.m[n] = torch.where(steps, m, self.m[n])
                self.v[n] = torch.where(steps, v, self.v[n])
                self.count[n] = count
                self.P[n].copy_(torch.where(steps, new, theta[n]))


# ---------------------------------------------------------------------------------------------
# Output: safetensors (https://github.com/huggingface/safetensors) written by hand.

DTYPES = {torch.float64: "F64", torch.int64: "I64", torch.int32: "I32", torch.bool: "BOOL"}


def write_safetensors(path, tensors, metadata):
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().contiguous()
        code = DTYPES[t.dtype]
        data = t.to(torch.uint8).numpy().tobytes() if t.dtype == torch.bool else t.numpy().tobytes()
        header[name] = {"dtype": code, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    Path(path).write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def self_check_adamw():
    """Our unmasked AdamW equals torch.optim.AdamW over a few steps (docs/METHOD.md step 8)."""
    g = torch.Generator().manual_seed(7)
    theta = torch.randn(5, generator=g)
    mine = {"w": theta.clone()}
    ref_param = theta.clone().requires_grad_(True)
    opt = torch.optim.AdamW([ref_param], lr=0.01, betas=(BETA1, BETA2), eps=ADAM_EPS, weight_decay=0.01)
    m, v, count = torch.zeros(5), torch.zeros(5), 0
    for _ in range(3):
        grad = torch.randn(5, generator=g)
        ref_param.grad = grad.clone()
        opt.step()
        count += 1
        m = BETA1 * m + (1 - BETA1) * grad
        v = BETA2 * v + (1 - BETA2) * grad * grad
        mine["w"] = mine["w"] * (1 - 0.01 * 0.01) - 0.01 * (m / (1 - BETA1 ** count)) / (
            (v / (1 - BETA2 ** count)).sqrt() + ADAM_EPS)
    assert torch.allclose(mine["w"], ref_param.detach(), rtol=0, atol=1e-14), "AdamW self-check failed"


def generate(model_name, out_dir):
    seed = 1234 if model_name == "textcnn" else 5678
    weights = init_weights(model_name, torch.Generator().manual_seed(seed))
    ids = torch.tensor(BATCH_IDS, dtype=torch.int64)
    mask = ids != PAD_ID
    labels = torch.tensor(BATCH_LABELS, dtype=torch.int64)
    tensors = {f"weights/{n}": w for n, w in weights.items()}
    tensors.update({"batch/input_ids": ids, "batch/attention_mask": mask, "batch/labels": labels})
    metadata = {"steps": str(STEPS), "total_steps": str(TOTAL_STEPS), "vocab_size": str(VOCAB),
                "num_labels": str(LABELS), "max_length": str(MAX_LENGTH),
                "generator": "tests/golden/uegr_step_reference.py"}
    scenarios = []
    for index, scenario in enumerate(SCENARIOS):
        scenarios.append(scenario)
        config = scenario_config(model_name, scenario)
        metadata[f"{scenario}/config"] = json.dumps(config, sort_keys=True)
        draws = Draws(seed=100 + index)
        ref = Reference(model_name, config, weights, draws)
        for t in range(1, STEPS + 1):
            record = ref.step(t, ids, mask, labels)
            prefix = f"{scenario}/step{t}/"
            for key in ["loss", "loss_clean", "loss_adv", "loss_js", "grad_norm", "lr",
                        "mask_density_global"]:
                tensors[prefix + key] = torch.tensor(record[key])
            tensors[prefix + "site_rates"] = torch.tensor(record["site_rates"])
            for n, keep in (record["masks"] or {}).items():
                tensors[prefix + f"mask/{n}"] = keep
        for n in ref.names:
            tensors[f"{scenario}/final/param/{n}"] = ref.P[n].detach().clone()
            tensors[f"{scenario}/final/exp_avg/{n}"] = ref.m[n]
            tensors[f"{scenario}/final/exp_avg_sq/{n}"] = ref.v[n]
            tensors[f"{scenario}/final/step_count/{n}"] = ref.count[n]
        tensors[f"{scenario}/final/importance"] = torch.tensor(ref.controller.importance())
        for i, keep in enumerate(draws.keep_masks):
            tensors[f"{scenario}/draws/keep/{i:03d}"] = keep
        tensors[f"{scenario}/draws/keep_rates"] = torch.tensor(draws.keep_rates)
        tensors[f"{scenario}/draws/units"] = torch.tensor(draws.units)
        for i, xi in enumerate(draws.noise):
            tensors[f"{scenario}/draws/noise/{i:03d}"] = xi
        print(f"{model_name} {scenario}: mask margin {ref.min_mask_margin:.2e}, "
              f"|G|/C margin {ref.min_clip_margin:.2e}, {len(draws.keep_masks)} keep masks")
        # A near-tie in the ranking or at the clipping threshold would make the comparison fragile.
        assert ref.min_mask_margin > 1e-6 and ref.min_clip_margin > 1e-3, "choose other weights"
    metadata["scenarios"] = ",".join(scenarios)
    path = Path(out_dir) / f"uegr_step_{model_name}.safetensors"
    write_safetensors(path, tensors, metadata)
    print(f"wrote {path}")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "tests/data/golden"
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    self_check_adamw()
    for model_name in MODELS:
        generate(model_name, out_dir)


if __name__ == "__main__":
    main()
