import TropaModel
import TropaAnalysis

/// Escaping and number writing shared by the SVG, XML and Markdown writers.
public enum Markup {
    /// Text safe inside XML/HTML content and attribute values; characters XML 1.0 forbids are dropped.
    public static func escape(_ text: String) -> String {
        // Most values need nothing: a byte scan, then the text itself, without a copy.
        var text = text
        guard text.withUTF8({ firstToEscape(in: $0, from: 0) < $0.count }) else { return text }
        var bytes = ByteWriter(capacity: text.utf8.count + 32)
        appendEscaped(text, to: &bytes)
        return bytes.string
    }

    /// `escape(text)` appended to the bytes of a file being written, without a string made for it: the outlines'
    /// many short texts appended to strings were a tenth of a cold build.
    package static func appendEscaped(_ text: String, to bytes: inout ByteWriter) {
        // Over the string's own buffer: through the UTF-8 view, the scan took 3 % of a build.
        var text = text
        text.withUTF8 { appendEscaped($0, to: &bytes) }
    }

    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to bytes: inout ByteWriter) {
        bytes.append(text, escapingAt: { firstToEscape(in: text, from: $0) }) { byte, index, bytes in
            switch byte {
            case 0x26: bytes.append("&amp;")
            case 0x3C: bytes.append("&lt;")
            case 0x3E: bytes.append("&gt;")
            case 0x22: bytes.append("&quot;")
            case 0x27: bytes.append("&#39;")
            case 0x0A: bytes.append("&#10;")
            case 0x09: bytes.append("&#9;")
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF), which XML forbids, are dropped.
            case 0xEF where index + 1 < text.count && text[index] == 0xBF && text[index + 1] >= 0xBE:
                index += 2
            case 0xEF:
                bytes.append(byte)
            default:
                // As are the other control characters.
                break
            }
        }
    }

    /// The place of the first byte at or after `start` that `escape` changes (0xEF leads U+FFFE/U+FFFF).
    private static func firstToEscape(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        // " & ' are three of 0x22...0x27, < > two of 0x3C...0x3E: a byte between them is looked at and kept.
        ByteScan.first(in: text, from: start, inWord: { word in
            ByteScan.below(word, 0x20) | ByteScan.between(word, 0x21, 0x28) | ByteScan.between(word, 0x3B, 0x3F)
                | ByteScan.equal(word, 0xEF)
        }, special: { byte in
            byte < 0x20 || byte == 0x22 || byte == 0x26 || byte == 0x27 || byte == 0x3C || byte == 0x3E || byte == 0xEF
        })
    }

    /// A map's HTML, whose relative links (`href`, `src`) lead from the map's page in `folder` (relative to the
    /// output), made to lead from a page `root` below the output instead (`../../../` for `plan/page/2/`): a link
    /// to a stage of the same map (`#stage-oplata`) leads to that map's page. Links with a scheme or from the
    /// output's root (`/…`) stay as they are.
    package static func rebasingLinks(_ html: String, from folder: String, to root: String) -> String {
        // Found in the bytes: `range(of:)` went through Foundation, about 4 ms of CPU for a one-map rebuild's plan
        // page. An address is quoted: text without a quote has none.
        guard html.utf8.contains(UInt8(ascii: "\"")) else { return html }
        let bytes = Array(html.utf8)
        guard var value = addressStart(in: bytes, from: 0) else { return html }
        let mapRoot = String(repeating: "../", count: folder.split(separator: "/").count)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var copied = 0
        while true {
            result += bytes[copied..<value]
            let end = bytes[value...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.endIndex
            let url = String(decoding: bytes[value..<end], as: UTF8.self)
            if url.hasPrefix("#") || url.hasPrefix("?") {
                result += (root + folder + "/index.html" + url).utf8
            } else if url.hasPrefix("/") || url.leadsOutOfSite {
                result += url.utf8
            } else if url.hasPrefix(mapRoot) {
                result += (root + url.dropFirst(mapRoot.count)).utf8
            } else {
                result += (root + folder + "/" + url).utf8
            }
            copied = end
            guard let next = addressStart(in: bytes, from: end) else { break }
            value = next
        }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    private static let addressAttributes = [Array(" href=\"".utf8), Array(" src=\"".utf8)]

    /// Where the value of the first ` href="` or ` src="` at or after `index` begins.
    private static func addressStart(in bytes: [UInt8], from index: Int) -> Int? {
        var at = index
        while let space = bytes[at...].firstIndex(of: UInt8(ascii: " ")) {
            for attribute in addressAttributes where bytes[space...].starts(with: attribute) {
                return space + attribute.count
            }
            at = space + 1
        }
        return nil
    }

    /// A coordinate with one decimal at most: the same input always gives the same text.
    package static func number(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(byteCount: numberBytes, alignment: 1) { buffer in
            String(decoding: buffer[write(value, into: buffer)], as: UTF8.self)
        }
    }

    /// `number(value)` appended to the bytes of a file being written.
    package static func appendNumber(_ value: Double, to bytes: inout ByteWriter) {
        withUnsafeTemporaryAllocation(byteCount: numberBytes, alignment: 1) { buffer in
            bytes.append(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[write(value, into: buffer)]))
        }
    }

    /// Room for any number `write` writes: a sign, up to 19 digits, a point and a tenth.
    private static let numberBytes = 24

    /// Writes the value with one decimal at most (none when it is whole) at the end of `buffer`; where it wrote it.
    private static func write(_ value: Double, into buffer: UnsafeMutableRawBufferPointer) -> Range<Int> {
        let tenths = Int((value * 10).rounded())
        var magnitude = tenths.magnitude / 10
        let fraction = UInt8(tenths.magnitude % 10)
        // The digits of the whole part, from the end of the buffer back.
        var start = numberBytes - (fraction == 0 ? 0 : 2)
        repeat {
            start -= 1
            buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if tenths < 0 {
            start -= 1
            buffer[start] = UInt8(ascii: "-")
        }
        if fraction != 0 {
            buffer[numberBytes - 2] = UInt8(ascii: ".")
            buffer[numberBytes - 1] = UInt8(ascii: "0") + fraction
        }
        return start..<numberBytes
    }

    /// Text that Markdown shows as written, on one line: markup characters are backslash-escaped (so no HTML, link
    /// or emphasis comes alive in a Markdown renderer), and a line start that would begin a block is escaped too.
    package static func markdown(_ text: String) -> String {
        // Most text has no sign to escape: a byte scan over the string's own buffer, then the text itself (the
        // loop below, scalar by scalar, was most of writing a map's `outline.md`).
        let special: (UInt8) -> Bool = { byte in
            byte < 0x20 || byte == 0x7F || byte == 0x5C || byte == 0x60 || byte == 0x2A || byte == 0x5F || byte == 0x5B
                || byte == 0x5D || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x7C || byte == 0x7E
                || byte == 0x21
        }
        var result = ""
        // The signs looked for eight bytes at a time, in four ranges and two bytes (a `^`, `=` or `}` among them
        // only sends its word to the bytes).
        let signs: (UInt64) -> UInt64 = { word in
            ByteScan.below(word, 0x20) | ByteScan.equal(word, 0x21) | ByteScan.equal(word, 0x26) | ByteScan.equal(word, 0x2A)
                | ByteScan.between(word, 0x3B, 0x3F) | ByteScan.between(word, 0x5A, 0x61) | ByteScan.between(word, 0x7B, 0x80)
        }
        if text.utf8.withContiguousStorageIfAvailable({ ByteScan.first(in: $0, from: 0, inWord: signs, special: special) == $0.count }) == true {
            result = text
        } else {
            result.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "!": result += "\\" + String(scalar)
                case "\n", "\r", "\t": result += " "
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        // `# `, `- `, `+ `, `= `, `1. ` at the start would make a heading, a list or a setext underline.
        if let first = result.unicodeScalars.first, "#-+=".unicodeScalars.contains(first) {
            result = "\\" + result
        } else if let first = result.utf8.first, (0x30...0x39).contains(first),
                  let dot = result.firstIndex(where: { $0 == "." || $0 == ")" }),
                  !result[..<dot].isEmpty, result[..<dot].allSatisfy(\.isASCII), result[..<dot].allSatisfy(\.isNumber) {
            result.insert("\\", at: dot)
        }
        return result
    }
}

extension ByteWriter {
    /// A number as `Markup.number` writes it.
    package mutating func append(number value: Double) { Markup.appendNumber(value, to: &self) }

    /// Text, as `Markup.escape` escapes it.
    package mutating func append(escaping text: String) { Markup.appendEscaped(text, to: &self) }

    /// A shape's or a text's place as attributes: ` x="…" y="…"`.
    package mutating func append(position: (x: Double, y: Double)) { append(" x=\"", position.x, "\" y=\"", position.y) }

    /// A line's ends as attributes: ` x1="…" y1="…" x2="…" y2="…"`.
    package mutating func append(lineFrom start: (x: Double, y: Double), to end: (x: Double, y: Double)) {
        append(" x1=\"", start.x, "\" y1=\"", start.y)
        append(" x2=\"", end.x, "\" y2=\"", end.y)
    }

    /// A circle's centre as attributes: ` cx="…" cy="…"`.
    package mutating func append(center: (x: Double, y: Double)) { append(" cx=\"", center.x, "\" cy=\"", center.y) }

    /// Two numeric attributes, each opened by its piece and the second closed.
    private mutating func append(_ first: StaticString, _ x: Double, _ second: StaticString, _ y: Double) {
        append(first)
        append(number: x)
        append(second)
        append(number: y)
        append("\"")
    }
}
