/**
 * A small Prometheus registry: counters and a latency histogram kept per label set, and the
 * text exposition format (version 0.0.4). Imports nothing of the service.
 */

/** Label values by name. */
export type Labels = Record<string, string>;

const escape = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}

/** A counter per label set. */
export class Counter {
  #values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}

  /** Adds `by` to the counter of `labels` (`key` names the set, for a cheap lookup). */
  add(key: string, labels: () => Labels, by = 1): void {
    const entry = this.#values.get(key);
    if (entry) entry.value += by;
    else this.#values.set(key, { labels: labels(), value: by });
  }

  render(): string[] {
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} counter`,
      ...[...this.#values.values()].map((e) => `${this.name}${labelText(e.labels)} ${e.value}`),
    ];
  }
}

/** A histogram per label set, with fixed upper bounds. */
export class Histogram {
  #series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly bounds: number[]) {}

  observe(key: string, labels: () => Labels, value: number): void {
    let s = this.#series.get(key);
    if (!s) {
      s = { labels: labels(), counts: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, s);
    }
    for (let i = 0; i < this.bounds.length; i++) {
      if (value <= this.bounds[i]) {
        s.counts[i]++;
        break;
      }
    }
    s.sum += value;
    s.count++;
  }

  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.#series.values()) {
      let cumulative = 0;
      this.bounds.forEach((bound, i) => {
        cumulative += s.counts[i];
        out.push(
          `${this.name}_bucket${labelText({ ...s.labels, le: String(bound) })} ${cumulative}`,
        );
      });
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return out;
  }
}

/** Series of one metric, one per label set, in text format. */
function series(
  type: "gauge" | "counter",
  name: string,
  help: string,
  values: [Labels, number][],
): string[] {
  return [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    ...values.map(([labels, value]) => `${name}${labelText(labels)} ${value}`),
  ];
}

/** A gauge read when scraped, one value per label set. */
export function gauge(name: string, help: string, values: [Labels, number][]): string[] {
  return series("gauge", name, help, values);
}

/** Counters whose totals are kept elsewhere, read when scraped, one per label set. */
export function countersBy(name: string, help: string, values: [Labels, number][]): string[] {
  return series("counter", name, help, values);
}

/** A counter whose total is kept elsewhere, read when scraped. */
export function counterOf(name: string, help: string, value: number): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${value}`];
}
