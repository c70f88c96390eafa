using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Reports.Pdf;

/// <summary>
/// Composes a PDF document through the fluent API and generates it. Report classes describe the
/// document; the engine lays it out (all pages first, so "共 m 页" is known) and draws it with
/// PDFsharp. One instance per document; different documents can be generated concurrently.
/// </summary>
/// <example>
/// <code>
/// var pdf = PdfDocumentComposer.Create(fonts, doc =>
/// {
///     doc.Metadata(title: "民政统计月报");
///     doc.Page(page =>
///     {
///         page.Size(PdfPageSize.A4, landscape: true);
///         page.Margin(15);
///         page.Content().Text("博尔塔拉蒙古自治州民政局").FontSize(16).Bold().AlignCenter();
///         page.Footer().AlignCenter().PageNumber("第 {0} 页 / 共 {1} 页");
///     });
/// });
/// byte[] bytes = pdf.GeneratePdf();
/// </code>
/// </example>
public sealed class PdfDocumentComposer
{
    private readonly PdfFonts _fonts;
    private readonly DocumentDescriptor _document;
    private readonly Lock _lock = new();

    private PdfDocumentComposer(PdfFonts fonts, DocumentDescriptor document)
    {
        _fonts = fonts;
        _document = document;
    }

    /// <summary>The number of pages of the last generated (or laid-out) document.</summary>
    public int PageCount { get; private set; }

    /// <summary>Describes a document; <paramref name="compose"/> runs immediately.</summary>
    /// <param name="fonts">The Chinese font (<see cref="PdfFonts.Load"/>, or from DI).</param>
    /// <param name="compose">Describes metadata and pages.</param>
    public static PdfDocumentComposer Create(PdfFonts fonts, Action<DocumentDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(compose);
        var document = new DocumentDescriptor();
        compose(document);
        if (document.PageSets.Count == 0)
        {
            throw new InvalidOperationException("The document has no pages: call doc.Page(…).");
        }

        return new PdfDocumentComposer(fonts, document);
    }

    /// <summary>Lays out and renders the document.</summary>
    /// <exception cref="PdfLayoutException">Some content cannot be placed (e.g. an image taller than a page).</exception>
    public byte[] GeneratePdf()
    {
        using var stream = new MemoryStream();
        GeneratePdf(stream);
        return stream.ToArray();
    }

    /// <summary>Lays out and renders the document into <paramref name="output"/> (left open).</summary>
    /// <exception cref="PdfLayoutException">Some content cannot be placed (e.g. an image taller than a page).</exception>
    public void GeneratePdf(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        lock (_lock)
        {
            var pages = Layout();
            var d = _document;
            PdfRenderer.Render(pages, new DocumentMetadata(d.TitleValue, d.AuthorValue, d.SubjectValue, d.KeywordsValue, d.CreatorValue, d.CreationDateValue), _fonts, output);
        }
    }

    /// <summary>Lays the document out without rendering (tests inspect the recorded pages).</summary>
    internal IReadOnlyList<LaidOutPage> Layout()
    {
        lock (_lock)
        {
            var pages = DocumentLayout.Run(_document.PageSets, _fonts);
            PageCount = pages.Count;
            return pages;
        }
    }
}
