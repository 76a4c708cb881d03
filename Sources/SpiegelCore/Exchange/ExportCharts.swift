/// The HTML export's inline SVG charts: entries per principle, activity over time and confidence over time,
/// the last two on a dated axis. Each scales to the page's width (a fixed view box, `max-width: 100%`).
enum ExportCharts {
    /// Line and swatch colours, one per principle in the overview's order (repeating after eight).
    static let palette = ["#2f6db3", "#d9822b", "#3a9a5b", "#b8437a", "#7a5bb8", "#8a7b22", "#2a9aa8", "#c0392b"]

    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    static func escape(_ text: String) -> String { HTMLExport.escape(text) }

    /// A time axis over whole days: `from` (inclusive) to `to` (exclusive) onto `left`…`right` pixels,
    /// with labelled ticks on days or on the first days of months, at most about eight of them.
    struct DateAxis {
        var from: Int, to: Int
        var left: Double, right: Double

        func x(_ ordinal: Double) -> Double {
            left + (ordinal - Double(from)) / Double(max(1, to - from)) * (right - left)
        }

        func ticks(months: [String]) -> [(ordinal: Int, label: String)] {
            func month(_ number: Int) -> String { months.indices.contains(number - 1) ? months[number - 1] : String(number) }
            let span = to - from
            if span <= 75 {
                let step = span <= 21 ? (span <= 8 ? 1 : 7) : (span <= 42 ? 7 : 14)
                // Mondays, or every day for a week or less.
                var day = step == 1 ? from : from + (7 - CalendarDay(ordinal: from).weekday) % 7
                var ticks: [(Int, String)] = []
                while day < to {
                    let date = CalendarDay(ordinal: day)
                    ticks.append((day, "\(date.day) \(month(date.month))"))
                    day += step
                }
                return ticks
            }
            let first = CalendarDay(ordinal: from), last = CalendarDay(ordinal: to - 1)
            let firstMonth = first.year * 12 + first.month - 1, lastMonth = last.year * 12 + last.month - 1
            let step = [1, 2, 3, 6, 12, 24, 60, 120].first { (lastMonth - firstMonth) / $0 < 8 } ?? 240
            var ticks: [(Int, String)] = []
            var index = (firstMonth + 1 + step - 1) / step * step
            while index <= lastMonth {
                let date = CalendarDay(year: index / 12, month: index % 12 + 1, day: 1)
                let label = step >= 12 ? String(date.year)
                    : (date.month == 1 || ticks.isEmpty ? "\(month(date.month)) \(date.year)" : month(date.month))
                ticks.append((date.ordinal, label))
                index += step
            }
            return ticks
        }

        /// The tick marks and labels under a plot whose bottom is at `base`.
        func svg(base: Int, months: [String]) -> String {
            var svg = "<line x1=\"\(Int(left))\" y1=\"\(base)\" x2=\"\(Int(right))\" y2=\"\(base)\" stroke=\"#8a94a3\"/>"
            for tick in ticks(months: months) {
                let x = Int(self.x(Double(tick.ordinal)).rounded())
                svg += "<line x1=\"\(x)\" y1=\"\(base)\" x2=\"\(x)\" y2=\"\(base + 4)\" stroke=\"#8a94a3\"/>"
                svg += "<text x=\"\(x)\" y=\"\(base + 16)\" text-anchor=\"middle\">\(escape(tick.label))</text>"
            }
            return svg
        }
    }

    static func open(width: Int, height: Int, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(label))\"><title>\(escape(label))</title>"
    }

    /// Horizontal bars: entries per principle, as HTML (long principle names wrap beside their bar).
    static func principleBars(_ overview: ExportOverview, words: ExportWords) -> String {
        let top = max(1, overview.principles.map(\.figures.entries).max() ?? 1)
        var html = "<div class=\"bars\">"
        for (index, row) in overview.principles.enumerated() {
            let share = Double(row.figures.entries) / Double(top) * 85
            html += "<span>\(escape(words.name(ofPrinciple: row.id)))</span><span class=\"bar\"><span style=\"width:\(format(share))%;background:\(colour(index))\"></span>\(row.figures.entries)</span>"
        }
        return html + "</div>"
    }

    /// Columns: entries per week from the first entry to `until` (per month when that is over a year),
    /// on a dated axis. Returns the chart's caption and the chart.
    static func activity(_ overview: ExportOverview, until: CalendarDay, words: ExportWords) -> (String, String)? {
        guard let firstDay = overview.firstDay, let lastDay = overview.lastDay else { return nil }
        let lastOrdinal = max(lastDay, until).ordinal
        let lastMonday = lastOrdinal - CalendarDay(ordinal: lastOrdinal).weekday
        // Whole weeks (Monday to Sunday), at least eight of them; whole months when that is over a year.
        let start = min(firstDay.ordinal - firstDay.weekday, lastMonday - 7 * 7), end = lastMonday + 7
        let weekly = end - start <= 53 * 7
        var buckets: [(from: Int, to: Int)] = []
        if weekly {
            var day = start
            while day < end { buckets.append((day, day + 7)); day += 7 }
        } else {
            let first = CalendarDay(ordinal: start), last = CalendarDay(ordinal: end - 1)
            var month = first.year * 12 + first.month - 1
            while month <= last.year * 12 + last.month - 1 {
                let from = CalendarDay(year: month / 12, month: month % 12 + 1, day: 1).ordinal
                let to = CalendarDay(year: (month + 1) / 12, month: (month + 1) % 12 + 1, day: 1).ordinal
                buckets.append((from, to))
                month += 1
            }
        }
        var counts = [Int](repeating: 0, count: buckets.count)
        for (day, count) in overview.activity {
            // Buckets are in order and contiguous: find the one holding the day.
            var low = 0, high = buckets.count - 1
            guard let firstBucket = buckets.first, let lastBucket = buckets.last,
                  day >= firstBucket.from, day < lastBucket.to else { continue }
            while low < high {
                let middle = (low + high + 1) / 2
                if buckets[middle].from <= day { low = middle } else { high = middle - 1 }
            }
            counts[low] += count
        }
        let width = 480, height = 150, base = 124, plotTop = 10
        let axis = DateAxis(from: buckets.first!.from, to: buckets.last!.to, left: 34, right: Double(width - 6))
        let caption = weekly ? words.activityPerWeek : words.activityPerMonth
        let most = max(1, counts.max() ?? 1)
        var svg = open(width: width, height: height, label: caption)
        svg += "<text x=\"28\" y=\"\(plotTop + 4)\" text-anchor=\"end\">\(most)</text><text x=\"28\" y=\"\(base)\" text-anchor=\"end\">0</text>"
        svg += "<line x1=\"34\" y1=\"\(plotTop)\" x2=\"\(width - 6)\" y2=\"\(plotTop)\" stroke=\"#e3e8ef\"/>"
        for (index, bucket) in buckets.enumerated() where counts[index] > 0 {
            let x = axis.x(Double(bucket.from)) + 1, w = max(1, axis.x(Double(bucket.to)) - axis.x(Double(bucket.from)) - 2)
            let h = Double(counts[index] * (base - plotTop)) / Double(most)
            svg += "<rect x=\"\(format(x))\" y=\"\(format(Double(base) - h))\" width=\"\(format(w))\" height=\"\(format(h))\" fill=\"#3a9a5b\">"
            svg += "<title>\(CalendarDay(ordinal: bucket.from)): \(counts[index])</title></rect>"
        }
        svg += axis.svg(base: base, months: words.months)
        return (caption, svg + "</svg>")
    }

    /// One line per principle: its confidence ratings (1–5) on a dated axis, averaged per day, week or
    /// month as the span grows. Nil when no entry has a rating.
    static func confidence(_ overview: ExportOverview, words: ExportWords) -> String? {
        let rated = overview.principles.enumerated().filter { !$0.element.figures.confidenceByDay.isEmpty }
        let days = rated.flatMap { $0.element.figures.confidenceByDay.keys }
        guard let first = days.min(), let last = days.max() else { return nil }
        let span = last - first
        // Group by day (up to four months), by week (up to two years) or by month.
        func bucket(_ day: Int) -> Int {
            if span <= 120 { return day }
            if span <= 730 { return day - CalendarDay(ordinal: day).weekday }
            let date = CalendarDay(ordinal: day)
            return CalendarDay(year: date.year, month: date.month, day: 1).ordinal
        }
        let width = 640, height = 150, base = 124, plotTop = 10
        let padding = span < 6 ? 3 : 0
        let axis = DateAxis(from: first - padding, to: last + 1 + padding, left: 34, right: Double(width - 10))
        func y(_ value: Double) -> Double { Double(base) - (value - 1) / 4 * Double(base - plotTop) }
        var svg = open(width: width, height: height, label: words.confidenceOverTime)
        for level in Entry.confidenceRange {
            let ly = Int(y(Double(level)))
            svg += "<line x1=\"34\" y1=\"\(ly)\" x2=\"\(width - 10)\" y2=\"\(ly)\" stroke=\"#e3e8ef\"/><text x=\"26\" y=\"\(ly + 4)\" text-anchor=\"end\">\(level)</text>"
        }
        for (index, principle) in rated {
            var groups: [Int: (sum: Int, count: Int, days: Int, weight: Int)] = [:]
            for (day, rating) in principle.figures.confidenceByDay {
                let key = bucket(day)
                var group = groups[key] ?? (0, 0, 0, 0)
                group.sum += rating.sum
                group.count += rating.count
                group.days += day * rating.count
                groups[key] = group
            }
            let points = groups.values.map { group in
                (x: axis.x(Double(group.days) / Double(group.count) + 0.5), value: Double(group.sum) / Double(group.count))
            }.sorted { $0.x < $1.x }.map { (x: $0.x, y: y($0.value), value: $0.value) }
            let name = escape(words.name(ofPrinciple: principle.id))
            let colour = colour(index)
            if points.count > 1 {
                svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"" + points.map { "\(format($0.x)),\(format($0.y))" }.joined(separator: " ") + "\"/>"
            }
            if points.count <= 120 {
                for point in points {
                    svg += "<circle r=\"3\" fill=\"\(colour)\" cx=\"\(format(point.x))\" cy=\"\(format(point.y))\"><title>\(name): \(format(point.value))</title></circle>"
                }
            }
        }
        svg += axis.svg(base: base, months: words.months)
        return svg + "</svg>"
    }

    /// A coordinate with at most one decimal.
    static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }
}
