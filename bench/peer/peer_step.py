"""One vanilla and one UEGR training step in PyTorch eager: a yardstick for uegr-bench-step.

A benchmark yardstick, not a test oracle. The UEGR step is written from docs/METHOD.md (steps
1-9, defaults: K = 3, one adversary step from zero, rho = 0.5, hard mask from the first step,
clip 1.0) the way a PyTorch user would write it, with the same shortcuts as the C++ engine so
that the comparison is fair: the clean loss is backpropagated at once and its embedding gradient
reused as the adversary's direction (K + 1 forward and backward traversals), the top-rho
threshold is found by selection (kthvalue), not by sorting, and the host is read once per
update for the dropout controller. Left out, since they do not change the cost much: telemetry
(mask densities, loss values), the learning-rate schedule (the rate stays at its peak) and
checkpointable generator states.

    python3 bench/peer/peer_step.py --threads 2              # both models, table
    python3 bench/peer/peer_step.py --model bert --json      # uegr-bench-hf-step's shape
"""
import argparse
import json
import math
import random
import statistics
import sys
import time

import torch
import torch.nn.functional as F

import peer_models

EXEMPT_WORDS = ("embeddings", "bias", "norm", "head")  # uegr.mask_exempt's default


def is_exempt(name, layer):
    parts = [layer.lower()] + name.lower().split(".")
    return any(word in part for word in EXEMPT_WORDS for part in parts)


class AdaptiveDropout:
    """Per-pass, per-site rates from the sites' layer saliency (docs/METHOD.md, step 3)."""

    def __init__(self, sites, low=0.05, high=0.30, jitter=1.0, ema=0.9, seed=42):
        self.sites, self.low, self.high, self.ema = len(sites), low, high, ema
        self.half_width = jitter * (high - low) / 2
        self.average = None
        self.random = random.Random(seed)

    def observe(self, site_means):
        if self.average is None:
            self.average = list(site_means)
        else:
            self.average = [self.ema * a + (1 - self.ema) * s for a, s in zip(self.average, site_means)]

    def sample(self, passes):
        if self.average is None:  # no importance yet: uniform in [low, high]
            return [[self.random.uniform(self.low, self.high) for _ in range(self.sites)]
                    for _ in range(passes)]
        low, high = min(self.average), max(self.average)
        importance = [(a - low) / (high - low) if high > low else 0.5 for a in self.average]
        base = [self.high - (self.high - self.low) * i for i in importance]
        return [[min(max(b + self.random.uniform(-self.half_width, self.half_width), self.low), self.high)
                 for b in base] for _ in range(passes)]


class HardMaskedAdamW:
    """AdamW in which a masked-out element is frozen: value, both moments and its own step count
    (docs/METHOD.md, step 8). Element-wise tensor ops per parameter, no private APIs."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01):
        self.params = list(params)
        self.lr, self.betas, self.eps, self.weight_decay = lr, betas, eps, weight_decay
        self.state = [(torch.zeros_like(p), torch.zeros_like(p), torch.zeros_like(p)) for p in self.params]

    @torch.no_grad()
    def step(self, masks):
        beta1, beta2 = self.betas
        for p, (m, v, n), keep in zip(self.params, self.state, masks):
            if p.grad is None:
                continue
            k = keep.to(p.dtype)
            n.add_(k)  # per-element step count
            m.lerp_(p.grad, k * (1 - beta1))  # unchanged where k = 0
            v.lerp_(p.grad * p.grad, k * (1 - beta2))
            steps = n.clamp_min(1)  # a never-updated element has n = 0; its k = 0 anyway
            update = (m / (1 - beta1 ** steps)) / ((v / (1 - beta2 ** steps)).sqrt_().add_(self.eps))
            p.mul_(1 - self.lr * self.weight_decay * k)  # decoupled decay, only where updated
            p.addcmul_(update, k, value=-self.lr)


class Trainer:
    """A model with the optimizers and state of one method (vanilla or uegr)."""

    def __init__(self, model, passes=3, keep_ratio=0.5, adv_step=0.05, max_grad_norm=1.0, lr=1e-3):
        self.model, self.passes, self.keep_ratio = model, passes, keep_ratio
        self.adv_step, self.max_grad_norm = adv_step, max_grad_norm
        named = list(model.named_parameters())
        self.params = [p for _, p in named]
        self.eligible = [p for name, p in named if not is_exempt(name, model.layer_of(name))]
        eligible_ids = {id(p) for p in self.eligible}
        self.exempt = [p for p in self.params if id(p) not in eligible_ids]
        # Parameters of each dropout site's layer, for the site importances (step 3).
        self.site_params = [[p for name, p in named if model.layer_of(name) == layer]
                            for layer in model.site_layers]
        self.site_sizes = [sum(p.numel() for p in ps) for ps in self.site_params]
        self.site_only = [p for ps in self.site_params for p in ps if id(p) not in eligible_ids]
        self.ordinary = [model.dropout] * len(model.sites)
        self.dropout = AdaptiveDropout(model.sites)
        self.adamw = torch.optim.AdamW(self.params, lr=lr, weight_decay=0.01)
        self.exempt_adamw = torch.optim.AdamW(self.exempt, lr=lr, weight_decay=0.01)
        self.masked_adamw = HardMaskedAdamW(self.eligible, lr=lr, weight_decay=0.01)

    def vanilla_step(self, ids, mask, labels):
        self.adamw.zero_grad(set_to_none=True)
        logits = self.model.forward_embedded(self.model.embed(ids), mask, self.ordinary)
        F.cross_entropy(logits, labels).backward()
        torch.nn.utils.clip_grad_norm_(self.params, self.max_grad_norm)
        self.adamw.step()

    def uegr_step(self, ids, mask, labels):
        model, passes = self.model, self.passes
        self.exempt_adamw.zero_grad(set_to_none=True)
        for p in self.eligible:
            p.grad = None
        # 1. Clean pass, backpropagated at once; e.grad is the adversary's ascent direction.
        e = model.embed(ids)
        e.retain_grad()
        clean = F.cross_entropy(model.forward_embedded(e, mask, self.ordinary), labels)
        clean.backward(retain_graph=True)
        # 2. One normalised ascent step in embedding space, relative to each example's norm.
        with torch.no_grad():
            real = mask.unsqueeze(-1).to(e.dtype)
            scale = (e * real).pow(2).sum((1, 2)).sqrt()
            g = e.grad * real
            g_norm = g.pow(2).sum((1, 2)).sqrt().clamp_min(1e-12)
            delta = g * (self.adv_step * scale / g_norm).view(-1, 1, 1) * real
        perturbed = e + delta
        # 3-4. K passes under per-site rates; L_adv and the generalised JS divergence.
        logits = [model.forward_embedded(perturbed, mask, rates) for rates in self.dropout.sample(passes)]
        adversarial = sum(F.cross_entropy(z, labels) for z in logits) / passes
        log_p = torch.stack([F.log_softmax(z.float(), -1).clamp_min(-100) for z in logits])  # [K, B, C]
        log_m = (torch.logsumexp(log_p, 0) - math.log(passes)).clamp_min(-100)
        js = (log_p.exp() * (log_p - log_m)).sum(-1).mean()
        # 5. One backward through the K passes (the clean part is already in .grad).
        (adversarial + js).backward()
        self.update()

    @torch.no_grad()
    def update(self):
        # 6. Taylor saliency |theta * g| of the unclipped gradient, once per parameter that needs it.
        saliency = {id(p): (p * p.grad).abs() for p in self.eligible + self.site_only}
        flat = torch.cat([saliency[id(p)].flatten() for p in self.eligible])
        # 7. Global top-rho: the k-th largest by selection, ties at the threshold by index, zeros dropped.
        k = int(self.keep_ratio * flat.numel())
        threshold = flat.kthvalue(flat.numel() - k + 1).values
        keep = flat > threshold
        tied = flat == threshold
        keep |= tied & (tied.cumsum(0) <= k - keep.sum())
        keep &= flat > 0
        pieces = keep.split([p.numel() for p in self.eligible])
        masks = [piece.view_as(p) for piece, p in zip(pieces, self.eligible)]
        # Site importances: mean saliency of each site's layer, all its parameters (one host read).
        sums = torch.stack([sum(saliency[id(p)].sum() for p in ps) for ps in self.site_params]).tolist()
        # 5 and 8. Clip by the global norm, then plain AdamW for exempt and hard-masked for eligible.
        torch.nn.utils.clip_grad_norm_(self.params, self.max_grad_norm)
        self.exempt_adamw.step()
        self.masked_adamw.step(masks)
        # 9. Feed the dropout controller for the next step.
        self.dropout.observe([s / n for s, n in zip(sums, self.site_sizes)])


def synthetic_batch(batch, length, vocab, device):
    ids = torch.randint(3, vocab, (batch, length))
    mask = torch.ones(batch, length, dtype=torch.bool)
    labels = torch.randint(0, 2, (batch,))
    return ids.to(device), mask.to(device), labels.to(device)


def median_ms(body, warmup, repeats, device):
    def run():
        body()
        if device.type == "cuda":
            torch.cuda.synchronize()

    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def bench_model(name, args, device):
    shape = dict(hidden=args.hidden, layers=args.layers, heads=args.heads, intermediate=args.intermediate)
    batch = synthetic_batch(args.batch, args.length, args.vocab, device)
    entry = {"model": name, "step_ms": {}}
    for method in ("vanilla", "uegr"):
        torch.manual_seed(1)
        model = peer_models.create(name, args.vocab, args.length, **shape).to(device).train()
        trainer = Trainer(model, passes=args.passes)
        step = trainer.vanilla_step if method == "vanilla" else trainer.uegr_step
        entry["step_ms"][method] = median_ms(lambda: step(*batch), args.warmup, args.repeats, device)
    entry["parameters"] = sum(p.numel() for p in model.parameters())
    entry["eligible_parameters"] = sum(p.numel() for p in trainer.eligible)
    if name == "bert" and args.transformers:
        reference = peer_models.transformers_bert(args.vocab, **shape)
        if reference is not None:
            reference.to(device).train()
            optimizer = torch.optim.AdamW(reference.parameters(), lr=1e-3, weight_decay=0.01)
            ids, mask, labels = batch

            def hf_step():
                optimizer.zero_grad(set_to_none=True)
                reference(input_ids=ids, attention_mask=mask.long(), labels=labels).loss.backward()
                torch.nn.utils.clip_grad_norm_(reference.parameters(), 1.0)
                optimizer.step()

            entry["step_ms"]["transformers_vanilla"] = median_ms(hf_step, args.warmup, args.repeats, device)
    return entry


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", action="append", choices=["textcnn", "transformer", "bert"],
                        help="repeatable; default: textcnn and transformer (uegr-bench-step's)")
    parser.add_argument("--threads", type=int, default=0, help="intra-op threads (0 = torch's default)")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--passes", type=int, default=3, help="UEGR passes K")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--length", type=int, default=64)
    parser.add_argument("--vocab", type=int, default=5000)
    parser.add_argument("--layers", type=int, default=4, help="bert only, as uegr-bench-hf-step")
    parser.add_argument("--hidden", type=int, default=256, help="bert only")
    parser.add_argument("--heads", type=int, default=4, help="bert only")
    parser.add_argument("--intermediate", type=int, default=1024, help="bert only")
    parser.add_argument("--transformers", action="store_true",
                        help="bert: also time transformers' BertForSequenceClassification "
                             "(vanilla step), if installed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    report = {"device": str(device), "batch": args.batch, "tokens": args.length, "passes": args.passes,
              "repeats": args.repeats, "torch": torch.__version__, "threads": torch.get_num_threads(),
              "python": sys.version.split()[0], "models": []}
    for name in args.model or ["textcnn", "transformer"]:
        report["models"].append(bench_model(name, args, device))
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"PyTorch {torch.__version__} eager, device {device}, batch {args.batch} x {args.length} tokens, "
          f"K = {args.passes}, median of {args.repeats} steps, {torch.get_num_threads()} threads\n")
    for entry in report["models"]:
        times = "  ".join(f"{method} {ms:8.1f} ms" for method, ms in entry["step_ms"].items())
        ratio = entry["step_ms"]["uegr"] / entry["step_ms"]["vanilla"]
        print(f"{entry['model']:<12} {times}  uegr/vanilla {ratio:.2f}x")


if __name__ == "__main__":
    main()
