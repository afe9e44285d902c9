import TropaModel
import TropaAnalysis

/// The five faces of the emotion layer, drawn as small inline SVG: a machine without a colour emoji font (corporate
/// Linux, a CI that prints PDFs) shows 🙁 and 🙂 as empty boxes, and a drawing shows everywhere, in print too. The
/// face is decoration (`aria-hidden`): the score beside it is the text. Drawn in `currentColor`, so the theme tints
/// it by mood, in light and dark; the mouths differ in shape, so the faces read in black and white too.
package enum FaceSVG {
    /// The face of a mood; a mood it does not know gets the neutral face.
    package static func markup(_ mood: String) -> String {
        drawings[mood] ?? drawings["neutral"]!
    }

    private static let drawings: [String: String] = {
        // Mouth (and brows), in the head's stroke; the best face's mouth is open, so filled.
        let features: [String: String] = [
            "very-negative": "<path d=\"M5 5.2 8.4 6.8M15 5.2 11.6 6.8M6 14.8Q10 10.6 14 14.8\"/>",
            "negative": "<path d=\"M6.5 14.2Q10 11.4 13.5 14.2\"/>",
            "neutral": "<path d=\"M6.5 13H13.5\"/>",
            "positive": "<path d=\"M6.5 11.8Q10 15.4 13.5 11.8\"/>",
            "very-positive": "<path d=\"M5.6 11.2Q10 18 14.4 11.2Z\" fill=\"currentColor\"/>",
        ]
        var drawings: [String: String] = [:]
        for mood in SitePresenter.moods {
            let eyeY = mood == "very-negative" ? "8.8" : "8"
            drawings[mood] = "<svg class=\"face face-" + mood + "\" viewBox=\"0 0 20 20\" width=\"20\" height=\"20\""
                + " aria-hidden=\"true\"><g fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\""
                + " stroke-linecap=\"round\" stroke-linejoin=\"round\"><circle cx=\"10\" cy=\"10\" r=\"8.6\"/>"
                + features[mood]! + "</g><g fill=\"currentColor\"><circle cx=\"7\" cy=\"" + eyeY + "\" r=\"1.2\"/>"
                + "<circle cx=\"13\" cy=\"" + eyeY + "\" r=\"1.2\"/></g></svg>"
        }
        return drawings
    }()
}
