"""What a compiled week would cost and give: a numba kernel of the size of lmxsim's week.

Not the model: a fused member-week loop with about as many equations, draws and branches as
`lmxsim/model/week.py` (contact, autonomy, work, observation with an inverse normal, the impression
update, trust, motivation, skill, safety, problems, fires, phases), to measure what issue 27 asks
about numba: its import, its cold compile, and the speed of a fused loop against the draws alone.
numba is not a dependency of lmxsim; run it with

    uv run --with numba python benchmarks/numba_prototype.py

Results and the decision: benchmarks/README.md ("A compiled kernel?").
"""

import math
import time

t0 = time.perf_counter()
import numba  # noqa: E402 - the import is part of what is timed
import numpy as np  # noqa: E402

t1 = time.perf_counter()


@numba.njit(cache=False)
def ndtri_approx(u):
    # Acklam's rational approximation (what a compiled kernel would need: scipy's ndtri is not in numba)
    a = (
        -3.969683028665376e01,
        2.209460984245205e02,
        -2.759285104469687e02,
        1.383577518672690e02,
        -3.066479806614716e01,
        2.506628277459239e00,
    )
    b = (
        -5.447609879822406e01,
        1.615858368580409e02,
        -1.556989798598866e02,
        6.680131188771972e01,
        -1.328068155288572e01,
    )
    c = (
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e00,
        -2.549732539343734e00,
        4.374664141464968e00,
        2.938163982698783e00,
    )
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
    if u < 0.02425:
        q = math.sqrt(-2 * math.log(u))
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / (
            (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
        )
    if u > 1 - 0.02425:
        q = math.sqrt(-2 * math.log(1 - u))
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / (
            (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
        )
    q = u - 0.5
    r = q * q
    return (
        (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
        * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    )


@numba.njit(cache=False)
def weeks(state, traits, luck, p):
    R, W, N, _ = luck.shape
    out = np.zeros((R, W))
    for r in range(R):
        fires = 0.0
        for w in range(W):
            mean_imp = 0.0
            for m in range(N):
                mean_imp += state[r, m, 0]
            mean_imp /= N
            new_fires = 0.0
            for m in range(N):
                imp, conf, trust, aut, skill, mot, safety, lt, hidden, phase = state[r, m, :10]
                chance = min(1.0, p[0] + p[1] * lt + p[2] * fires / N)
                contact = 1.0 if luck[r, w, m, 0] < chance else 0.0
                aut = aut + p[3] * (lt - aut)
                output = skill * (p[4] + p[5] * mot) * (p[6] + p[7] * aut)
                perf = min(
                    1.0,
                    max(
                        0.0,
                        output
                        + p[8] * ndtri_approx(min(max(luck[r, w, m, 1], 1e-12), 1 - 1e-12))
                        - p[9] * fires / N,
                    ),
                )
                noise = p[10] + p[11] * (1 - aut)
                observed = min(
                    1.0,
                    max(
                        0.0,
                        output / 1.3
                        + p[12] * (traits[r, m, 0] - 0.5)
                        + noise * ndtri_approx(min(max(luck[r, w, m, 2], 1e-12), 1 - 1e-12)),
                    ),
                )
                rate = p[13] if phase == 0 else p[14]
                gain = contact * rate * (1 - conf) / (1 + noise * noise * p[15])
                bias = p[16] * (imp - mean_imp)
                imp = imp + gain * (observed - imp + bias)
                conf = min(1.0, conf + contact * p[17])
                lt = lt + p[18] * (imp - lt)
                trust = trust + p[19] * (p[20] * traits[r, m, 1] + p[21] * aut + p[22] * contact * lt - trust)
                mot = mot + p[23] * (trust * aut - mot)
                skill = skill + p[24] * aut * contact * (traits[r, m, 2] - skill)
                safety = safety + p[25] * (trust * traits[r, m, 3] - safety)
                reported = 1.0 if luck[r, w, m, 3] < safety * p[26] else 0.0
                hid = 1.0 - reported if luck[r, w, m, 3] < p[26] else 0.0
                fire = 1.0 if luck[r, w, m, 4] < 1 - (1 - p[27]) ** hidden else 0.0
                hidden = max(0.0, hidden + hid - fire)
                new_fires += fire
                q = math.sqrt(max(lt * trust, 0.0))
                if phase == 0 and q > p[28]:
                    phase = 1.0
                elif phase == 1 and q > p[29]:
                    phase = 2.0
                state[r, m, 0] = imp
                state[r, m, 1] = conf
                state[r, m, 2] = trust
                state[r, m, 3] = aut
                state[r, m, 4] = skill
                state[r, m, 5] = mot
                state[r, m, 6] = safety
                state[r, m, 7] = lt
                state[r, m, 8] = hidden
                state[r, m, 9] = phase
                out[r, w] += perf / N
            fires = new_fires
    return out


R, W, N = 1000, 52, 12
rng = np.random.default_rng(1)
state = rng.random((R, N, 10))
state[:, :, 9] = 0
state[:, :, 8] = 0
traits = rng.random((R, N, 4))
luck = rng.random((R, W, N, 5))
p = rng.random(30) * 0.3
t2 = time.perf_counter()
weeks(state.copy(), traits, luck, p)
t3 = time.perf_counter()
best = 1e9
for _ in range(3):
    s = state.copy()
    a = time.perf_counter()
    weeks(s, traits, luck, p)
    best = min(best, time.perf_counter() - a)
u = np.empty((W, N, 5))
a = time.perf_counter()
for seed in range(R):
    g = np.random.default_rng(seed)
    g.random(out=u)
draws = time.perf_counter() - a
print(f"import numba {t1 - t0:.2f}s; first call (compile) {t3 - t2:.2f}s")
print(f"fused kernel {best / R * 1e6:.1f} us/rep; draws alone {draws / R * 1e6:.1f} us/rep")
print(f"kernel + draws over draws alone: {(best + draws) / draws:.1f}x")
