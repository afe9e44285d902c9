import Testing
@testable import TropaOutput

/// Figures as a reader of each language writes them: thousands grouped (a no-break space in Russian, a comma in
/// English), two decimals at most with their trailing zero dropped, the minus sign a true one.
@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.0, "0", "0"), (-0.0, "0", "0"), (-0.004, "0", "0"), (5, "5", "5"), (-2, "−2", "−2"), (999, "999", "999"),
        (1000, "1\u{A0}000", "1,000"), (999.999, "1\u{A0}000", "1,000"), (-12_345, "−12\u{A0}345", "−12,345"),
        (1_234_567.891, "1\u{A0}234\u{A0}567,89", "1,234,567.89"), (0.5, "0,5", "0.5"), (-1.5, "−1,5", "−1.5"),
        (12.30, "12,3", "12.3"), (7.05, "7,05", "7.05"), (999.5, "999,5", "999.5"), (-999.999, "−1\u{A0}000", "−1,000"),
        (-999.995, "−1\u{A0}000", "−1,000"), (-999.994, "−999,99", "−999.99"),
    ])
    func numbersAreWrittenAsEachLanguageWritesThem(value: Double, russian: String, english: String) {
        #expect(NumberFormat(language: .ru).number(value) == russian)
        #expect(NumberFormat(language: .en).number(value) == english)
    }

    /// A score carries its sign on a scale around zero, none on a scale from zero.
    @Test func scoresCarryTheirSign() {
        let signed = NumberFormat(language: .ru, signedScores: true)
        #expect([2, 0, -1.5, 1000].map(signed.score) == ["+2", "0", "−1,5", "+1\u{A0}000"])
        #expect(NumberFormat(language: .en, signedScores: false).score(8) == "8")
    }
}
