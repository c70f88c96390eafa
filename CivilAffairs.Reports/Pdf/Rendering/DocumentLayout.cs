using System.Globalization;
using CivilAffairs.Reports.Pdf.Elements;

namespace CivilAffairs.Reports.Pdf.Rendering;

/// <summary>One laid-out page: its size and what it draws.</summary>
internal sealed record LaidOutPage(float Width, float Height, IReadOnlyList<DrawCommand> Commands);

/// <summary>
/// Lays out every page of every page set: header at the top, footer at the bottom, content in
/// between, continuing page after page until the content reports that all of it fits.
/// </summary>
internal static class DocumentLayout
{
    /// <summary>A document longer than this is certainly content that never finishes.</summary>
    public const int MaxPages = 20_000;

    public static List<LaidOutPage> Run(IReadOnlyList<PageSet> sets, PdfFonts fonts)
    {
        var pages = new List<LaidOutPage>();
        foreach (var set in sets)
        {
            var context = new LayoutContext(fonts);
            foreach (var part in new[] { set.Header, set.Content, set.Footer })
            {
                part.Prepare(context, set.DefaultStyle);
                part.ResetState();
            }

            LayOut(set, context, pages);
        }

        return pages;
    }

    private static void LayOut(PageSet set, LayoutContext context, List<LaidOutPage> pages)
    {
        var (width, height) = (set.Size.Width, set.Size.Height);
        var (left, top, right, bottom) = (set.Margins[0], set.Margins[1], set.Margins[2], set.Margins[3]);
        var area = new Size(width - left - right, height - top - bottom);
        if (area.Width <= 0 || area.Height <= 0)
        {
            throw new PdfLayoutException("页边距大于页面。 The margins leave no room on the page.");
        }

        while (true)
        {
            var number = pages.Count + 1;
            var header = set.Header.Measure(area);
            var footer = set.Footer.Measure(area with { Height = area.Height - header.Height });
            if (!header.IsFull || !footer.IsFull)
            {
                throw new PdfLayoutException(Message(number, "页眉或页脚放不下", "the header or footer does not fit on the page", area));
            }

            var content = new Size(area.Width, area.Height - header.Height - footer.Height);
            context.PageContentHeight = content.Height;
            var plan = set.Content.Measure(content);
            if (plan.IsWrap)
            {
                throw new PdfLayoutException(Message(number, "内容在空白页上也放不下（图片或图表过大、行过高？）",
                    "the content does not fit even on an empty page (an image or chart too large, a row too high?)", content));
            }

            var canvas = new Canvas();
            canvas.Translate(left, top);
            set.Header.Draw(area with { Height = header.Height }, canvas);
            canvas.Translate(0, header.Height);
            set.Content.Draw(content, canvas);
            canvas.Translate(0, area.Height - header.Height - footer.Height);
            set.Footer.Draw(area with { Height = footer.Height }, canvas);
            set.Header.ResetState();
            set.Footer.ResetState();
            pages.Add(new LaidOutPage(width, height, canvas.Commands));

            if (plan.IsFull)
            {
                return;
            }

            if (pages.Count >= MaxPages)
            {
                throw new PdfLayoutException($"文档超过 {MaxPages} 页，内容可能无法结束。 The document passed {MaxPages} pages; some content never finishes.");
            }
        }
    }

    private static string Message(int page, string chinese, string english, Size space) =>
        string.Create(CultureInfo.InvariantCulture, $"第 {page} 页：{chinese}（可用 {space.Width:F0} × {space.Height:F0} pt）。 Page {page}: {english} ({space.Width:F0} × {space.Height:F0} pt available).");
}
