/**
 * Capacity forecast: Holt's linear method with a damped trend (ETS(A,Ad,N)
 * in Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 3rd
 * ed., §8.2 and §8.7), fitted to a facility's daily population. Pure.
 *
 *   level   l_t = α·y_t + (1−α)(l_{t−1} + φ·b_{t−1})
 *   trend   b_t = β·(l_t − l_{t−1}) + (1−β)·φ·b_{t−1}
 *   forecast ŷ_{t+h} = l_t + (φ + φ² + … + φ^h)·b_t
 *
 * α, β, φ are chosen on a grid by the smallest sum of squared one-step errors.
 * The interval is the model's own: with σ² the variance of the one-step
 * errors, the h-step variance is σ²·(1 + Σ_{j=1}^{h−1} c_j²) with
 * c_j = α·(1 + β·φ·(1 − φ^j)/(1 − φ)) (FPP3 table 8.8, β* = β), and the 80% /
 * 95% bounds are ŷ ± 1.2816·σ_h / ± 1.96·σ_h, cut at zero (no one is
 * detained a negative number of times). The damping keeps a short trend from
 * being carried 90 days out in a straight line.
 */
export interface HoltParams {
  alpha: number;
  beta: number;
  phi: number;
}

export interface HoltFit extends HoltParams {
  level: number;
  trend: number;
  sigma: number;
  sse: number;
  n: number;
}

export interface ForecastPoint {
  h: number;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

const alphas = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
const betas = [0.01, 0.05, 0.1, 0.2];
const phis = [0.8, 0.9, 0.95, 0.98];

export function runHolt(y: readonly number[], p: HoltParams) {
  let level = y[0];
  let trend = y.length > 1 ? y[1] - y[0] : 0;
  let sse = 0;
  const errors: number[] = [];
  for (let t = 1; t < y.length; t++) {
    const predicted = level + p.phi * trend;
    const e = y[t] - predicted;
    errors.push(e);
    sse += e * e;
    const prev = level;
    level = p.alpha * y[t] + (1 - p.alpha) * predicted;
    trend = p.beta * (level - prev) + (1 - p.beta) * p.phi * trend;
  }
  return { level, trend, sse, errors };
}

export function fitHolt(y: readonly number[]): HoltFit {
  if (!y.length) return { alpha: 0.5, beta: 0.05, phi: 0.9, level: 0, trend: 0, sigma: 0, sse: 0, n: 0 };
  let best: HoltFit | null = null;
  for (const alpha of alphas)
    for (const beta of betas)
      for (const phi of phis) {
        const r = runHolt(y, { alpha, beta, phi });
        if (best && r.sse >= best.sse) continue;
        const sigma = r.errors.length > 1 ? Math.sqrt(r.sse / (r.errors.length - 1)) : 0;
        best = { alpha, beta, phi, level: r.level, trend: r.trend, sigma, sse: r.sse, n: y.length };
      }
  return best as HoltFit;
}

export function forecastHolt(fit: HoltFit, horizon: number): ForecastPoint[] {
  const out: ForecastPoint[] = [];
  let damp = 0;
  let varSum = 1;
  for (let h = 1; h <= horizon; h++) {
    damp += fit.phi ** h;
    if (h > 1) {
      const j = h - 1;
      const c = fit.alpha * (1 + (fit.beta * fit.phi * (1 - fit.phi ** j)) / (1 - fit.phi));
      varSum += c * c;
    }
    const mean = Math.max(0, fit.level + damp * fit.trend);
    const sd = fit.sigma * Math.sqrt(varSum);
    out.push({
      h,
      mean,
      lo80: Math.max(0, mean - 1.2816 * sd),
      hi80: mean + 1.2816 * sd,
      lo95: Math.max(0, mean - 1.96 * sd),
      hi95: mean + 1.96 * sd,
    });
  }
  return out;
}

export interface BacktestScore {
  horizon: number;
  series: number;
  points: number;
  mae: number;
  /** Σ|error| / Σ actual: a percentage error that stays defined when a day's population is zero. */
  wape: number;
  /** The same for the naive forecast (tomorrow = today), the baseline the model has to beat. */
  naiveMae: number;
  naiveWape: number;
  /** Share of held-out days inside the 80% and 95% intervals. */
  coverage80: number;
  coverage95: number;
}

/** Fits each series on all but its last `horizon` days and scores the forecast of those days. */
export function backtest(seriesList: readonly (readonly number[])[], horizon: number): BacktestScore {
  let absErr = 0;
  let naiveErr = 0;
  let actual = 0;
  let points = 0;
  let in80 = 0;
  let in95 = 0;
  let used = 0;
  for (const y of seriesList) {
    if (y.length <= horizon + 14) continue;
    const train = y.slice(0, y.length - horizon);
    const test = y.slice(y.length - horizon);
    const f = forecastHolt(fitHolt(train), horizon);
    const last = train[train.length - 1];
    used++;
    test.forEach((v, i) => {
      absErr += Math.abs(v - f[i].mean);
      naiveErr += Math.abs(v - last);
      actual += v;
      points++;
      if (v >= f[i].lo80 && v <= f[i].hi80) in80++;
      if (v >= f[i].lo95 && v <= f[i].hi95) in95++;
    });
  }
  const per = (x: number, n: number) => (n ? x / n : 0);
  return {
    horizon,
    series: used,
    points,
    mae: per(absErr, points),
    wape: per(absErr, actual),
    naiveMae: per(naiveErr, points),
    naiveWape: per(naiveErr, actual),
    coverage80: per(in80, points),
    coverage95: per(in95, points),
  };
}
