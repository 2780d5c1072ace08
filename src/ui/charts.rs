//! Terminal charts for `stats`: vertical bars (due forecast, answers per
//! day), a calendar heatmap and horizontal percentage bars.
//!
//! Pure text: each chart is a list of lines fitted to a width, drawn with
//! Unicode blocks or, for pipes, screen readers and `NO_COLOR`, plain
//! ASCII. Colour comes from `render` (the only importer of colored).

use super::render;

/// How charts are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub unicode: bool,
    /// Columns available.
    pub width: usize,
}

const EIGHTHS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Groups `values` into at most `columns` buckets of equal span (summed),
/// oldest first; returns the buckets and the span.
fn bucket(values: &[i64], columns: usize) -> (Vec<i64>, usize) {
    let columns = columns.max(1);
    let span = values.len().div_ceil(columns).max(1);
    (values.chunks(span).map(|c| c.iter().sum()).collect(), span)
}

/// A vertical bar chart, one bar per value (or per group of values when
/// they do not fit), `height` rows high, the largest value on the axis,
/// and the first and last labels under it.
pub fn columns(values: &[i64], first: &str, last: &str, height: usize, style: Style) -> Vec<String> {
    let axis = values.iter().copied().max().unwrap_or(0).max(0);
    let axis_label = axis.to_string();
    let pad = axis_label.len().max(1);
    // Each bar is one column wide with a gap, or without the gap when the
    // values would not fit otherwise.
    let room = style.width.saturating_sub(pad + 3).max(8);
    let gap = values.len() * 2 <= room;
    let (bars, _) = bucket(values, if gap { room / 2 } else { room });
    let max = bars.iter().copied().max().unwrap_or(0).max(1);
    let height = height.max(1);
    let mut lines = Vec::with_capacity(height + 2);
    for row in 0..height {
        // Eighths of a cell, counted from the bottom of this row.
        let floor = (height - 1 - row) * 8;
        let mut line = String::new();
        for &v in &bars {
            let eighths = if v <= 0 {
                0
            } else {
                // At least a sliver for any non-zero value.
                ((v as f64 / max as f64 * (height * 8) as f64).round() as usize).max(1)
            };
            let cell = eighths.saturating_sub(floor).min(8);
            let c = if style.unicode {
                EIGHTHS[cell]
            } else if cell >= 4 || (cell > 0 && floor == 0) {
                if cell >= 4 { '#' } else { '.' }
            } else {
                ' '
            };
            line.push(c);
            if gap {
                line.push(' ');
            }
        }
        let label = if row == 0 { axis_label.as_str() } else { "" };
        let bar = if style.unicode {
            render::chart(line.trim_end())
        } else {
            line.trim_end().to_string()
        };
        lines.push(
            format!("{label:>pad$} {} {bar}", if style.unicode { '│' } else { '|' })
                .trim_end()
                .to_string(),
        );
    }
    let used = bars.len() * if gap { 2 } else { 1 };
    let rule = if style.unicode { "─" } else { "-" }.repeat(used.max(1));
    lines.push(format!("{:>pad$} {}{rule}", 0, if style.unicode { '└' } else { '+' }));
    let between = used.saturating_sub(first.len() + last.len()).max(1);
    lines.push(
        format!("{:>pad$}   {first}{}{last}", "", " ".repeat(between))
            .trim_end()
            .to_string(),
    );
    lines
}

/// A calendar heatmap: one row per weekday (Monday first), one column per
/// week, oldest on the left, month names above. `days` are `(date
/// YYYY-MM-DD, count)` from a Monday to today; only the latest weeks that
/// fit are drawn.
pub fn heatmap(days: &[(String, i64)], style: Style) -> Vec<String> {
    const LABEL: usize = 4;
    let weeks: Vec<&[(String, i64)]> = days.chunks(7).collect();
    let fit = style.width.saturating_sub(LABEL + 1).max(4);
    let weeks = &weeks[weeks.len().saturating_sub(fit)..];
    let max = weeks.iter().flat_map(|w| w.iter().map(|d| d.1)).max().unwrap_or(0);
    let level = |n: i64| -> usize {
        if n <= 0 || max <= 0 {
            0
        } else {
            // Four levels by share of the busiest day, as calendars do.
            ((n as f64 / max as f64) * 4.0).ceil().clamp(1.0, 4.0) as usize
        }
    };
    let mut months = " ".repeat(LABEL);
    let mut last_month = String::new();
    let mut pending = 0usize;
    for w in weeks {
        let month = w
            .first()
            .map(|d| d.0.get(5..7).unwrap_or("").to_string())
            .unwrap_or_default();
        if month != last_month && pending == 0 {
            let name = month_name(&month);
            months.push_str(name);
            pending = name.len().saturating_sub(1);
            last_month = month;
        } else if pending > 0 {
            pending -= 1;
        } else {
            months.push(' ');
        }
    }
    let mut lines = vec![months.trim_end().to_string()];
    for (row, name) in ["Mon", "", "Wed", "", "Fri", "", "Sun"].iter().enumerate() {
        let mut line = format!("{name:<LABEL$}");
        for w in weeks {
            match w.get(row) {
                Some((_, n)) => {
                    let l = level(*n);
                    if style.unicode {
                        line.push_str(&render::heat(['·', '░', '▒', '▓', '█'][l], l));
                    } else {
                        line.push(['.', '-', '+', '*', '#'][l]);
                    }
                }
                None => line.push(' '),
            }
        }
        lines.push(line.trim_end().to_string());
    }
    let legend = if style.unicode {
        format!(
            "{}less {} more",
            " ".repeat(LABEL),
            (0..5)
                .map(|l| render::heat(['·', '░', '▒', '▓', '█'][l], l))
                .collect::<String>()
        )
    } else {
        format!("{}less .-+*# more", " ".repeat(LABEL))
    };
    lines.push(legend);
    lines
}

fn month_name(mm: &str) -> &'static str {
    match mm {
        "01" => "Jan",
        "02" => "Feb",
        "03" => "Mar",
        "04" => "Apr",
        "05" => "May",
        "06" => "Jun",
        "07" => "Jul",
        "08" => "Aug",
        "09" => "Sep",
        "10" => "Oct",
        "11" => "Nov",
        "12" => "Dec",
        _ => "",
    }
}

/// Horizontal bars of shares in 0..=1, one line per `(label, share,
/// note)`, with `mark` (e.g. the desired retention) drawn as a tick.
pub fn shares(rows: &[(String, Option<f64>, String)], mark: Option<f64>, style: Style) -> Vec<String> {
    let label_w = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let note_w = rows.iter().map(|r| r.2.chars().count()).max().unwrap_or(0);
    let bar_w = style.width.saturating_sub(label_w + note_w + 8).clamp(10, 50);
    let tick = mark.map(|m| ((m.clamp(0.0, 1.0) * bar_w as f64).round() as usize).min(bar_w - 1));
    rows.iter()
        .map(|(label, share, note)| {
            let mut bar = String::new();
            match share {
                Some(s) => {
                    let eighths = (s.clamp(0.0, 1.0) * (bar_w * 8) as f64).round() as usize;
                    for i in 0..bar_w {
                        let cell = eighths.saturating_sub(i * 8).min(8);
                        let c = if style.unicode {
                            // Left-aligned partial blocks: full, then ▏..▉.
                            ['·', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'][cell]
                        } else if cell >= 4 {
                            '#'
                        } else {
                            '.'
                        };
                        let c = if Some(i) == tick && cell < 8 {
                            if style.unicode { '┊' } else { '|' }
                        } else {
                            c
                        };
                        bar.push(c);
                    }
                }
                None => bar.push_str(&" ".repeat(bar_w)),
            }
            let pct = share.map_or_else(|| "-".to_string(), |s| format!("{:.0}%", s * 100.0));
            let bar = if style.unicode { render::chart(&bar) } else { bar };
            format!("{label:<label_w$} {bar} {pct:>4} {note}")
                .trim_end()
                .to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ASCII: Style = Style {
        unicode: false,
        width: 80,
    };
    const UNICODE: Style = Style {
        unicode: true,
        width: 80,
    };

    #[test]
    fn columns_scale_to_the_largest_value_and_show_small_ones() {
        let lines = columns(&[0, 1, 8, 4], "mon", "thu", 2, ASCII);
        assert_eq!(lines, ["8 |     #", "  |   . # #", "0 +--------", "    mon  thu"]);
        let lines = columns(&[0, 1, 8, 4], "mon", "thu", 1, UNICODE);
        assert_eq!(lines[0], "8 │   ▁ █ ▄");
    }

    #[test]
    fn columns_group_values_that_do_not_fit() {
        let values: Vec<i64> = (0..200).map(|i| i % 2).collect();
        let lines = columns(
            &values,
            "a",
            "b",
            3,
            Style {
                unicode: false,
                width: 60,
            },
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 60), "{lines:#?}");
        // 200 values in at most 55 columns: pairs summed, so every bar is full.
        assert!(lines[0].contains("####"), "{lines:#?}");
    }

    #[test]
    fn heatmap_has_a_row_per_weekday_and_fits_the_width() {
        let days: Vec<(String, i64)> = (0..371)
            .map(|i| {
                (
                    format!("2026-{:02}-{:02}", 1 + (i / 31) % 12, 1 + i % 28),
                    (i % 5) as i64,
                )
            })
            .collect();
        let lines = heatmap(
            &days,
            Style {
                unicode: false,
                width: 40,
            },
        );
        assert_eq!(lines.len(), 9);
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{lines:#?}");
        assert!(lines[1].starts_with("Mon "));
        // Levels by share of the busiest day: 0 is '.', 4 (the max) is '#'.
        assert!(lines[1..8].iter().any(|l| l.contains('#')) && lines[1..8].iter().any(|l| l.contains('.')));
    }

    #[test]
    fn shares_draw_the_mark_and_missing_data() {
        let rows = vec![
            ("w1".to_string(), Some(0.5), "(10)".to_string()),
            ("w2".to_string(), None, String::new()),
        ];
        let lines = shares(&rows, Some(0.9), ASCII);
        assert!(lines[0].starts_with("w1 #####"), "{lines:?}");
        assert!(lines[0].contains('|') && lines[0].ends_with("50% (10)"), "{lines:?}");
        assert!(lines[1].ends_with('-'), "{lines:?}");
    }
}
