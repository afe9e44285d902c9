/// A unified-diff-like report of the first line that differs between two texts, with a little context: what the
/// golden-file tests and the theme tests print when an output is not what they expected.
package func firstDifference(expected: String, actual: String, name: String,
                             hint: String = "re-record with TROPA_RECORD_GOLDEN=1 swift test --filter Golden") -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var line = 0
    while line < old.count, line < new.count, old[line] == new[line] { line += 1 }
    let contextStart = max(0, line - 2)
    var report = "\(name) differs from the output" + (hint.isEmpty ? "" : " (\(hint))") + "\n"
    report += "--- \(name)\n+++ actual\n@@ line \(line + 1) @@\n"
    for index in contextStart..<line { report += " \(old[index])\n" }
    report += line < old.count ? "-\(old[line])\n" : "-(end of file)\n"
    report += line < new.count ? "+\(new[line])\n" : "+(end of file)\n"
    if line < old.count, line < new.count {
        let a = Array(old[line]), b = Array(new[line])
        var column = 0
        while column < a.count, column < b.count, a[column] == b[column] { column += 1 }
        report += "  first difference at column \(column + 1)\n"
    }
    return report
}
