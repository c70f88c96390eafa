using System.Globalization;
using CivilAffairs.Reports.Pdf;
using CivilAffairs.Reports.Pdf.Elements;
using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Tests.Reports.Pdf;

/// <summary>
/// Declarative layout checks: give content and a space, get back the lines of text each page
/// draws (runs on one baseline joined by a space, top to bottom), without producing a PDF.
/// Needs the Chinese font (CI installs fonts-wqy-microhei).
/// </summary>
internal static class PdfLayoutProbe
{
    public static PdfFonts Fonts => PdfFonts.Load();

    public static LayoutContext Context() => new(Fonts);

    /// <summary>The lines a paragraph breaks into in a box <paramref name="width"/> points wide.</summary>
    public static IReadOnlyList<string> Lines(string text, float width, float fontSize = 10)
    {
        var element = Paragraph(text, fontSize);
        return element.LineTexts(width);
    }

    public static TextElement Paragraph(string text, float fontSize = 10)
    {
        var element = new TextElement();
        element.Spans.Add(new TextSpan(text));
        element.Prepare(Context(), TextStyle.Default.FontSize(fontSize));
        return element;
    }

    /// <summary>Width of a string in the test font at <paramref name="fontSize"/>.</summary>
    public static float Width(string text, float fontSize = 10) => TextMeasure.Width(Fonts.Metrics, text, fontSize);

    /// <summary>Height of one line at <paramref name="fontSize"/> with the font's own line height.</summary>
    public static float LineHeight(float fontSize = 10) => Context().Resolve(TextStyle.Default.FontSize(fontSize)).LineHeight;

    /// <summary>Lays out a document whose pages are <paramref name="size"/> with no margins.</summary>
    public static IReadOnlyList<LaidOutPage> Pages(PdfPageSize size, Action<IContainer> content, Action<PageDescriptor>? page = null) =>
        PdfDocumentComposer.Create(Fonts, doc => doc.Page(p =>
        {
            p.Size(size);
            p.Margin(0);
            page?.Invoke(p);
            content(p.Content());
        })).Layout();

    /// <summary>The texts one page draws, line by line (page numbers formatted as on page 1 of 1).</summary>
    public static IReadOnlyList<string> Lines(this LaidOutPage page) =>
        page.Commands
            .Select(c => c switch
            {
                TextCommand t => (Y: t.Y, X: t.X, Text: t.Text),
                DynamicTextCommand d => (Y: d.Y, X: d.X, Text: string.Concat(d.Runs.Select(r => r.IsPageNumber ? string.Format(CultureInfo.InvariantCulture, r.Text, "n", "m") : r.Text))),
                _ => (Y: float.NaN, X: 0f, Text: string.Empty),
            })
            .Where(t => !float.IsNaN(t.Y))
            .GroupBy(t => MathF.Round(t.Y, 1))
            .OrderBy(g => g.Key)
            .Select(g => string.Join(" ", g.OrderBy(t => t.X).Select(t => t.Text)))
            .ToArray();
}
