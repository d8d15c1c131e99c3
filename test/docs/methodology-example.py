#!/usr/bin/env python3
"""Independent computation of the worked examples of docs/methodology/contributions.md (§3.9).

Written from the formulas of the methodology, not from sipro's code: the paid
pieces of each rule are worked out by hand below, and every interval term uses
Python's math.erfc; mpmath at 40 digits cross-checks the totals when it is
installed. It prints the Markdown tables the document quotes, which
test/docs/methodology.example.test.ts reads back and checks sipro against.

Run: python3 test/docs/methodology-example.py
"""
import math
import re

try:
    import mpmath
    mpmath.mp.dps = 40
except ImportError:  # the cross-check is optional
    mpmath = None

SLACK = 1 + 1e-12  # affordability slack: c <= a * Y * (1 + 1e-12)


def fmt(value):
    """12 significant digits, no exponent for the magnitudes of these tables."""
    if value == math.inf:
        return '∞'
    text = f'{value:.12g}'
    return re.sub(r'e([+-])0*(\d)', lambda m: 'e' + m.group(1).replace('+', '') + m.group(2), text)


def phi(z):
    """Standard normal CDF from the complementary error function."""
    return 0.5 * math.erfc(-z / math.sqrt(2))


def z_of(bound, shift, sig):
    if bound == 0:
        return -math.inf
    if bound == math.inf:
        return math.inf
    return (math.log(bound) - shift) / sig


def normal_between(a, b):
    """Phi(b) - Phi(a) without cancellation: from upper tails when both bounds
    are >= 0, lower tails when both are <= 0 (erfc keeps tails relatively exact)."""
    if a >= 0:
        return 0.5 * (math.erfc(a / math.sqrt(2)) - math.erfc(b / math.sqrt(2)))
    if b <= 0:
        return 0.5 * (math.erfc(-b / math.sqrt(2)) - math.erfc(-a / math.sqrt(2)))
    return phi(b) - phi(a)


def prob(lo, hi, lam, sig):
    """Pr[lo <= Y < hi] for ln Y ~ N(lam, sig^2)."""
    return normal_between(z_of(lo, lam, sig), z_of(hi, lam, sig))


def partial(lo, hi, lam, sig):
    """E[Y; lo <= Y < hi] for ln Y ~ N(lam, sig^2)."""
    s2 = sig * sig
    return math.exp(lam + s2 / 2) * normal_between(z_of(lo, lam + s2, sig), z_of(hi, lam + s2, sig))


def interval_mp(lo, hi, lam, sig, shift):
    lam, sig = mpmath.mpf(lam), mpmath.mpf(sig)
    centre = lam + shift * sig * sig
    a = -mpmath.inf if lo == 0 else (mpmath.log(lo) - centre) / sig
    b = mpmath.inf if hi == math.inf else (mpmath.log(hi) - centre) / sig
    scale = mpmath.exp(lam + sig * sig / 2) if shift else 1
    return scale * (mpmath.ncdf(b) - mpmath.ncdf(a))


def member_year(name, monthly_mean, cv, p0, seasons, Iw, compliance, pieces, detail_month):
    """pieces: paid intervals [lo, hi) of Y, each (lo, hi, c_a, c_b, b_a, b_b, m_a, m_b):
    contribution c_a + c_b Y, insured base b_a + b_b Y, matching m_a + m_b Y."""
    annual = 12 * monthly_mean * Iw
    var = math.log1p(cv * cv)
    sig = math.sqrt(var)
    s = [x * 12 / sum(seasons) for x in seasons]
    print(f'### {name}\n')
    print(f'<!-- example-table: {name}-constants -->')
    print('| quantity | value |\n|---|---|')
    print(f'| Ȳ | {fmt(annual)} |')
    print(f'| σ² | {fmt(var)} |')
    print(f'| σ | {fmt(sig)} |')
    print()
    print(f'<!-- example-table: {name}-pieces -->')
    print('| piece | from Y = | to Y < | c | b | mc |\n|---|---|---|---|---|---|')
    for index, (lo, hi, ca, cb, ba, bb, ma, mb) in enumerate(pieces, start=1):
        form = lambda a, b: fmt(a) if b == 0 else (fmt(b) + ' Y' if a == 0 else f'{fmt(a)} + {fmt(b)} Y')
        print(f'| {index} | {fmt(lo)} | {fmt(hi)} | {form(ca, cb)} | {form(ba, bb)} | {form(ma, mb)} |')
    print()
    totals = dict(d=0.0, C=0.0, M=0.0, S=0.0)
    exact = dict(d=0, C=0, M=0, S=0)
    rows = []
    for m, sm in enumerate(s, start=1):
        ybar = annual * sm / (12 * (1 - p0))
        lam = math.log(ybar) - var / 2
        paid = c = mc = b = 0.0
        for lo, hi, ca, cb, ba, bb, ma, mb in pieces:
            p = prob(lo, hi, lam, sig)
            e = partial(lo, hi, lam, sig)
            paid += p
            c += ca * p + cb * e
            b += ba * p + bb * e
            mc += ma * p + mb * e
            if mpmath:
                pm = interval_mp(lo, hi, lam, sig, 0)
                em = interval_mp(lo, hi, lam, sig, 1)
                exact['d'] += (1 - p0) * pm
                exact['C'] += (1 - p0) * (ca * pm + cb * em)
                exact['S'] += (1 - p0) * (ba * pm + bb * em)
                exact['M'] += (1 - p0) * (ma * pm + mb * em)
        rows.append((m, sm, ybar, lam, paid, c, mc, b))
        totals['d'] += (1 - p0) * paid
        totals['C'] += (1 - p0) * c
        totals['M'] += (1 - p0) * mc
        totals['S'] += (1 - p0) * b
        if m == detail_month:
            detail = (ybar, lam)
    ybar, lam = detail
    print(f'<!-- example-table: {name}-month-{detail_month} -->')
    print('| piece | Pr[piece] | E[Y; piece] |\n|---|---|---|')
    for index, (lo, hi, *_rest) in enumerate(pieces, start=1):
        print(f'| {index} | {fmt(prob(lo, hi, lam, sig))} | {fmt(partial(lo, hi, lam, sig))} |')
    print()
    print(f'<!-- example-table: {name}-bounds-month-{detail_month} -->')
    print('| bound B | (ln B − λ)/σ | Φ | (ln B − λ − σ²)/σ | Φ |\n|---|---|---|---|---|')
    bounds = sorted({p[0] for p in pieces} | {p[1] for p in pieces} - {math.inf})
    for bound in bounds:
        z1 = z_of(bound, lam, sig)
        z2 = z_of(bound, lam + var, sig)
        print(f'| {fmt(bound)} | {fmt(z1)} | {fmt(phi(z1))} | {fmt(z2)} | {fmt(phi(z2))} |')
    print()
    print(f'<!-- example-table: {name}-months -->')
    print('| m | s_m | ȳ_m | λ_m | Pr[paid] | E[c·1{paid}] | E[mc·1{paid}] | E[b·1{paid}] |')
    print('|---|---|---|---|---|---|---|---|')
    for m, sm, ybar, lam, paid, c, mc, b in rows:
        print(f'| {m} | {fmt(sm)} | {fmt(ybar)} | {fmt(lam)} | {fmt(paid)} | {fmt(c)} | {fmt(mc)} | {fmt(b)} |')
    print()
    sums = [sum(row[i] for row in rows) for i in (4, 5, 6, 7)]
    print(f'<!-- example-table: {name}-sums -->')
    print('| Σ_m Pr[paid] | Σ_m E[c·1{paid}] | Σ_m E[mc·1{paid}] | Σ_m E[b·1{paid}] |\n|---|---|---|---|')
    print('| ' + ' | '.join(fmt(x) for x in sums) + ' |')
    print()
    result = dict(d=compliance * totals['d'] / 12, C=compliance * totals['C'],
                  M=compliance * totals['M'], S=compliance * totals['S'])
    labels = dict(d='density d', C='own contributions C', M='matching M', S='insured earnings S')
    print(f'<!-- example-table: {name}-result -->')
    print('| result | value |\n|---|---|')
    for key, value in result.items():
        print(f'| {labels[key]} | {fmt(value)} |')
    print()
    if mpmath:
        for key, value in result.items():
            scale = compliance / 12 if key == 'd' else compliance
            reference = exact[key] * scale
            print(f'<!-- mpmath {key} = {mpmath.nstr(reference, 17)}, relative difference {float(abs(value - reference) / reference):.1e} -->')
        print()
    return result


# The demo scheme (fixtures/demo), year 2026: Iw_2026 = 1 + wage_growth_2025 = 1.055,
# and J_2026 = Iw_2026 because contributions.indexation is wages.
J = 1.055
a = 0.15                  # affordability (the default rule's, inherited by both groups)
limit = 100000 * J        # matching income_limit x J (default matching, ratio 0.5)
cap = 2500 * J            # matching cap x J

# Market traders, women aged 30 (income band 25-34): classes on declared income 0.8 Y.
k = 0.8
u1, u2, u3 = 50000 * J / k, 100000 * J / k, 200000 * J / k      # class bounds in actual income Y
afford1 = 3000 * J / (a * SLACK)                                   # class 1 is affordable from here
traders = [
    # class 1, paid from afford1: c = 3000J, b = 30000J, mc = min(0.5 c, cap) = 1500J (Y <= limit)
    (afford1, u1, 3000 * J, 0, 30000 * J, 0, 0.5 * 3000 * J, 0),
    # class 2: 6000J <= 0.15 Y holds from Y = 42200 < u1, so always affordable; mc = min(3000J, cap) = cap up to the limit
    (u1, limit, 6000 * J, 0, 60000 * J, 0, cap, 0),
    (limit, u2, 6000 * J, 0, 60000 * J, 0, 0, 0),
    # classes 3 and 4: always affordable, above the matching income limit
    (u2, u3, 12000 * J, 0, 120000 * J, 0, 0, 0),
    (u3, math.inf, 20000 * J, 0, 200000 * J, 0, 0, 0),
]
member_year('traders', 80000, 0.9, 0.08,
            [0.95, 0.9, 0.95, 1, 1.05, 1.05, 0.9, 0.85, 0.9, 1, 1.05, 1.4], J, 0.75, traders, 4)

# Artisans, women aged 30: percent rule, 10 % of 0.6 Y between floor 40000J and ceiling 750000J.
k = 0.6
rate = 0.10
floor_y, ceiling_y = 40000 * J / k, 750000 * J / k     # where clamp(0.6 Y, floor, ceiling) changes form
afford_floor = rate * 40000 * J / (a * SLACK)          # the floor contribution 4000J is affordable from here
match_cap_y = cap / (0.5 * rate * k)                   # 0.5 x 0.06 Y reaches the cap here
artisans = [
    # floor piece: c = 4000J, b = 40000J, mc = 2000J
    (afford_floor, floor_y, rate * 40000 * J, 0, 40000 * J, 0, 0.5 * rate * 40000 * J, 0),
    # linear piece (0.06 <= 0.15: always affordable): c = 0.06 Y, b = 0.6 Y, mc = 0.03 Y below the cap
    (floor_y, match_cap_y, 0, rate * k, 0, k, 0, 0.5 * rate * k),
    (match_cap_y, limit, 0, rate * k, 0, k, cap, 0),
    (limit, ceiling_y, 0, rate * k, 0, k, 0, 0),
    # ceiling piece: c = 75000J, b = 750000J, no matching (Y > limit); 75000J <= 0.15 Y there
    (ceiling_y, math.inf, rate * 750000 * J, 0, 750000 * J, 0, 0, 0),
]
member_year('artisans', 75000, 0.6, 0.05,
            [0.95, 0.95, 1, 1, 1.05, 1.15, 0.9, 0.85, 0.95, 1, 1, 1.2], J, 0.85, artisans, 4)
