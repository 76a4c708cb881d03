import Foundation

/// The mirror as one self-contained, print-friendly page: inline CSS and SVG charts (confidence path per
/// principle, kept rate per month, themes), no scripts, no network. The caller gives every word.
public enum MirrorHTML {
    /// The page's words in the reader's language.
    public struct Labels: Sendable {
        public var title, practice, confidence, commitments, keptPerMonth, themes, onThisDay, nextTime, new: String
        public var principleNames: [String: String]
        /// One line per figure of the commitments section (already worded).
        public var commitmentLines: [String]
        public var language: String

        public init(title: String, practice: String, confidence: String, commitments: String, keptPerMonth: String,
                    themes: String, onThisDay: String, nextTime: String, new: String, principleNames: [String: String],
                    commitmentLines: [String], language: String) {
            self.title = title
            self.practice = practice
            self.confidence = confidence
            self.commitments = commitments
            self.keptPerMonth = keptPerMonth
            self.themes = themes
            self.onThisDay = onThisDay
            self.nextTime = nextTime
            self.new = new
            self.principleNames = principleNames
            self.commitmentLines = commitmentLines
            self.language = language
        }
    }

    static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2430;line-height:1.5;overflow-wrap:anywhere}
    h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #d8dee8}.meta{color:#5a6577;font-size:.9rem}
    .charts{display:flex;flex-wrap:wrap;gap:1rem}.charts figure{margin:0}svg{max-width:100%;height:auto}svg text{font-size:11px;fill:#1d2430}
    .new{background:#eef3f9;border-radius:4px;padding:0 .3rem;font-size:.8rem}code{font-size:.85rem;color:#5a6577}
    @media print{body{margin:0;max-width:none}section{break-inside:avoid}}
    """

    static func escape(_ text: String) -> String { HTMLExport.escape(text) }

    public static func render(_ report: MirrorReport, labels: Labels) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(escape(labels.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(escape(labels.title))</title>\n"
        out += "<style>\n\(style)\n</style>\n</head>\n<body>\n<h1>\(escape(labels.title))</h1>\n"
        out += "<p class=\"meta\">\(report.period.from) – \(report.period.to)</p>\n"

        out += "<section>\n<h2>\(escape(labels.practice))</h2>\n<div class=\"charts\">\n"
        for principle in report.principles {
            let name = labels.principleNames[principle.id] ?? principle.id
            out += "<figure><figcaption><strong>\(escape(name))</strong> <span class=\"meta\">(\(principle.entries))</span></figcaption>"
                + confidenceChart(principle, name: name, label: labels.confidence) + "</figure>\n"
        }
        out += "</div>\n</section>\n"

        out += "<section>\n<h2>\(escape(labels.commitments))</h2>\n<ul>"
        out += labels.commitmentLines.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
        if report.months.contains(where: { $0.commitments.keptRate != nil }) {
            out += keptChart(report.months, label: labels.keptPerMonth)
        }
        out += "</section>\n"

        out += "<section>\n<h2>\(escape(labels.themes))</h2>\n" + themeChart(report.themes, new: labels.new) + "</section>\n"

        if !report.onThisDay.isEmpty {
            out += "<section>\n<h2>\(escape(labels.onThisDay))</h2>\n<ul>" + report.onThisDay.map {
                "<li>\($0.day): \(escape($0.firstLine)) <code>\(escape($0.entryId))</code></li>"
            }.joined() + "</ul>\n</section>\n"
        }
        if !report.nextTime.isEmpty {
            out += "<section>\n<h2>\(escape(labels.nextTime))</h2>\n<ul>" + report.nextTime.map {
                "<li>\(escape($0.text))" + ($0.followedBy.map { " → <code>\(escape($0))</code>" } ?? "") + ($0.guess ? " ?" : "") + "</li>"
            }.joined() + "</ul>\n</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// A small line chart of one principle's confidence ratings (1–5) in the period.
    static func confidenceChart(_ principle: MirrorReport.Principle, name: String, label: String) -> String {
        let width = 220, height = 90, top = 8
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height + top + 6)\" role=\"img\" aria-label=\"\(escape(name)): \(escape(label))\">"
        for level in 1...5 {
            let y = top + height - (level - 1) * height / 4
            svg += "<line x1=\"14\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\" stroke=\"#e3e8ef\"/><text x=\"0\" y=\"\(y + 4)\">\(level)</text>"
        }
        let path = principle.confidencePath
        if !path.isEmpty {
            let step = path.count > 1 ? Double(width - 24) / Double(path.count - 1) : 0
            let points = path.enumerated().map { index, value in
                "\(20 + Int(Double(index) * step)),\(top + height - (value - 1) * height / 4)"
            }
            svg += "<polyline fill=\"none\" stroke=\"#4f86c6\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
            svg += points.map { "<circle r=\"3\" fill=\"#4f86c6\" cx=\"\($0.split(separator: ",")[0])\" cy=\"\($0.split(separator: ",")[1])\"/>" }.joined()
        }
        return svg + "</svg>"
    }

    /// Columns: the share of settled commitments kept, month by month.
    static func keptChart(_ months: [MirrorReport.Month], label: String) -> String {
        let height = 100, bar = 28, gap = 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(max(220, months.count * (bar + gap) + 40))\" height=\"\(height + 50)\" role=\"img\" aria-label=\"\(escape(label))\">"
        svg += "<text x=\"0\" y=\"14\" font-weight=\"600\">\(escape(label))</text>"
        for (index, month) in months.enumerated() {
            let x = index * (bar + gap)
            let rate = month.commitments.keptRate ?? 0
            let h = Int(rate * Double(height))
            svg += "<rect x=\"\(x)\" y=\"\(24 + height - h)\" width=\"\(bar)\" height=\"\(h)\" fill=\"#6aa86a\"><title>\(Int((rate * 100).rounded()))%</title></rect>"
            svg += "<text x=\"\(x)\" y=\"\(height + 40)\">\(escape(month.month))</text>"
        }
        return svg + "<line x1=\"0\" y1=\"\(24 + height)\" x2=\"\(max(1, months.count) * (bar + gap))\" y2=\"\(24 + height)\" stroke=\"#999\"/></svg>\n"
    }

    /// Horizontal bars: how many entries each recurring term appears in.
    static func themeChart(_ themes: [MirrorReport.Theme], new: String) -> String {
        let row = 20, width = 320, labelWidth = 120
        let most = max(1, themes.map(\.count).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width + 80)\" height=\"\(themes.count * row + 10)\" role=\"img\">"
        for (index, theme) in themes.enumerated() {
            let y = index * row
            let length = theme.count * (width - labelWidth) / most
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(escape(theme.term))</text><rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"14\" fill=\"#4f86c6\"/>"
            svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + 14)\">\(theme.count)\(theme.isNew ? " · " + escape(new) : "")</text>"
        }
        return svg + "</svg>\n"
    }
}
