import SpiegelContent

/// One self-contained page: inline CSS (with print styles), inline SVG charts, no scripts, no network.
/// Every user text is HTML-escaped.
public enum HTMLExport {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2430;line-height:1.5;overflow-wrap:anywhere}
    h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #d8dee8;padding-bottom:.2rem}
    .meta{color:#5a6577;font-size:.9rem}.entry{border:1px solid #d8dee8;border-radius:8px;padding:.8rem 1rem;margin:1rem 0;break-inside:avoid}
    .prompt{font-weight:600;margin:.8rem 0 .2rem}.answer{white-space:pre-wrap;margin:0;padding-left:.8rem;border-left:3px solid #8fb3d9}ul.answer{white-space:normal;padding-left:1.8rem}
    .tag{display:inline-block;background:#eef3f9;border-radius:4px;padding:0 .4rem;margin-right:.3rem;font-size:.85rem}
    .charts{display:flex;flex-wrap:wrap;gap:1.5rem}.charts svg{max-width:100%;height:auto}svg text{font-size:11px;fill:#1d2430}
    ul.commitments{list-style:none;padding-left:0}.note{background:#fff8e6;padding:.4rem .6rem;border-radius:4px}
    @media print{body{margin:0;max-width:none}.entry{border-color:#999}a{color:inherit}}
    """

    public static func render(_ entries: [Entry], title: String, exportedAt: String, principles: [String],
                              today: CalendarDay, language: Language) -> String {
        let nl = language == .nl
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(escape(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(escape(title))</h1>\n<p class=\"meta\">\(nl ? "Geëxporteerd op" : "Exported") \(escape(exportedAt)) · \(entries.count) \(nl ? "notities" : "entries")</p>\n"
        out += "<div class=\"charts\">\n" + principleChart(entries, principles: principles, nl: nl)
            + activityChart(entries, today: today, nl: nl) + "</div>\n"
        for entry in entries {
            out += "<section class=\"entry\">\n<h2>\(escape(entry.exerciseTitle))</h2>\n"
            out += "<p class=\"meta\">\(escape(entry.day?.description ?? "")) · <code>\(escape(entry.id))</code> "
            out += entry.principles.map { "<span class=\"tag\">\(escape($0))</span>" }.joined() + "</p>\n"
            for answer in entry.answers {
                out += "<p class=\"prompt\">\(escape(answer.prompt))</p>\n"
                if answer.skipped == true {
                    out += "<p class=\"answer meta\">\(nl ? "overgeslagen" : "skipped")</p>\n"
                } else if let items = answer.items {
                    out += "<ul class=\"answer\">" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
                } else if let rating = answer.rating {
                    out += "<p class=\"answer\">\(rating) / 5</p>\n"
                } else {
                    out += "<p class=\"answer\">\(escape(answer.plainText))</p>\n"
                }
            }
            if !entry.commitments.isEmpty {
                out += "<ul class=\"commitments\">" + entry.commitments.map {
                    "<li>\($0.status == .done ? "☑" : "☐") \(escape($0.action)) <span class=\"meta\">(\($0.due), \($0.status.rawValue))</span></li>"
                }.joined() + "</ul>\n"
            }
            for note in entry.coachNotes ?? [] {
                out += "<p class=\"note\"><strong>\(escape(note.author))</strong>: \(escape(note.text))</p>\n"
            }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// Horizontal bars: entries per principle.
    static func principleChart(_ entries: [Entry], principles: [String], nl: Bool) -> String {
        let counts = principles.map { id in entries.filter { $0.principles.contains(id) }.count }
        let top = max(1, counts.max() ?? 1)
        let rowHeight = 22, width = 320, labelWidth = 90
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width + 40)\" height=\"\(rowHeight * principles.count + 30)\" role=\"img\" aria-label=\"\(nl ? "Notities per principe" : "Entries per principle")\">\n"
        svg += "<text x=\"0\" y=\"14\" font-weight=\"600\">\(nl ? "Notities per principe" : "Entries per principle")</text>\n"
        for (index, id) in principles.enumerated() {
            let y = 24 + index * rowHeight
            let bar = counts[index] * (width - labelWidth) / top
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(escape(id))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(bar)\" height=\"14\" fill=\"#4f86c6\"/>"
            svg += "<text x=\"\(labelWidth + bar + 4)\" y=\"\(y + 14)\">\(counts[index])</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// Columns: entries per week over the last 26 weeks.
    static func activityChart(_ entries: [Entry], today: CalendarDay, nl: Bool) -> String {
        let weeks = 26, barWidth = 10, height = 100
        var counts = [Int](repeating: 0, count: weeks)
        for entry in entries {
            guard let week = entry.day?.weekIndex else { continue }
            let back = today.weekIndex - week
            if (0..<weeks).contains(back) { counts[weeks - 1 - back] += 1 }
        }
        let top = max(1, counts.max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(weeks * (barWidth + 2) + 10)\" height=\"\(height + 40)\" role=\"img\" aria-label=\"\(nl ? "Activiteit per week" : "Activity per week")\">\n"
        svg += "<text x=\"0\" y=\"14\" font-weight=\"600\">\(nl ? "Activiteit per week (26 weken)" : "Activity per week (26 weeks)")</text>\n"
        for (index, count) in counts.enumerated() {
            let h = count * height / top
            svg += "<rect x=\"\(index * (barWidth + 2))\" y=\"\(24 + height - h)\" width=\"\(barWidth)\" height=\"\(h)\" fill=\"#6aa86a\"><title>\(count)</title></rect>"
        }
        svg += "\n<line x1=\"0\" y1=\"\(24 + height)\" x2=\"\(weeks * (barWidth + 2))\" y2=\"\(24 + height)\" stroke=\"#999\"/>\n"
        return svg + "</svg>\n"
    }
}
