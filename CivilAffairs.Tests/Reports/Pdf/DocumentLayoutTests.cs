using CivilAffairs.Reports.Pdf;
using CivilAffairs.Reports.Pdf.Elements;
using CivilAffairs.Reports.Pdf.Rendering;
using static CivilAffairs.Tests.Reports.Pdf.PdfLayoutProbe;

namespace CivilAffairs.Tests.Reports.Pdf;

/// <summary>Pages, headers and footers, page numbers, sizes.</summary>
public sealed class DocumentLayoutTests
{
    [Fact]
    public void HeaderAndFooterAreDrawnOnEveryPageAroundTheContent()
    {
        var pages = Pages(PdfPageSize.A5, c => c.Column(col =>
        {
            for (var i = 1; i <= 80; i++)
            {
                col.Item().Text($"第{i}条");
            }
        }), p =>
        {
            p.Header().Text("博尔塔拉蒙古自治州民政局");
            p.Footer().AlignCenter().PageNumber();
        });

        Assert.True(pages.Count > 1);
        Assert.All(pages, p =>
        {
            Assert.Equal("博尔塔拉蒙古自治州民政局", p.Lines()[0]);
            Assert.Equal("第 n 页 / 共 m 页", p.Lines()[^1]);
        });
        Assert.Equal(Enumerable.Range(1, 80).Select(i => $"第{i}条"), pages.SelectMany(p => p.Lines().Skip(1).SkipLast(1)));
    }

    [Fact]
    public void PageNumbersAreFilledInOnceThePageCountIsKnown()
    {
        var pages = Pages(PdfPageSize.A5, c => c.Column(col =>
        {
            col.Item().Text("一");
            col.Item().PageBreak();
            col.Item().Text("二");
            col.Item().PageBreak();
            col.Item().Text("三");
        }), p => p.Footer().AlignCenter().PageNumber("第 {0} 页 / 共 {1} 页"));

        var footer = pages[1].Commands.OfType<DynamicTextCommand>().Single();
        Assert.Equal(3, pages.Count);
        Assert.Equal("第 {0} 页 / 共 {1} 页", footer.Runs.Single().Text);
        Assert.True(footer.Runs.Single().IsPageNumber);
    }

    [Fact]
    public void ACentredPageNumberIsCentredOnceItsDigitsAreKnown()
    {
        var pages = Pages(new PdfPageSize(300, 200), c => c.Text("正文"), p => p.Footer().AlignCenter().PageNumber());

        var footer = pages[0].Commands.OfType<DynamicTextCommand>().Single();

        // The placeholder box is centred and the real text is centred in it, so the text is centred on the page.
        Assert.Equal(HorizontalAlignment.Center, footer.Alignment);
        Assert.Equal(300, (2 * footer.X) + footer.BoxWidth, 0.01f);
    }

    [Fact]
    public void AnAlignedContainerAlignsEveryLineOfItsParagraph()
    {
        var pages = Pages(new PdfPageSize(300, 200), c => c.AlignRight().Text("博尔塔拉蒙古自治州\n民政局"));

        var texts = pages[0].Commands.OfType<TextCommand>().ToArray();

        Assert.Equal(300, texts[0].X + Width("博尔塔拉蒙古自治州"), 0.01f);
        Assert.Equal(300, texts[1].X + Width("民政局"), 0.01f);
    }

    [Fact]
    public void LandscapeSwapsTheSides()
    {
        var pages = Pages(PdfPageSize.A4, c => c.Text("横向"), p => p.Size(PdfPageSize.A4, landscape: true));

        Assert.Equal(841.89f, pages[0].Width, 0.01f);
        Assert.Equal(595.28f, pages[0].Height, 0.01f);
    }

    [Fact]
    public void MarginsAreInMillimetres()
    {
        var pages = PdfDocumentComposer.Create(Fonts, doc => doc.Page(p =>
        {
            p.Margin(15);
            p.Content().Text("正文");
        })).Layout();

        var text = pages[0].Commands.OfType<TextCommand>().Single();
        Assert.Equal(15 * 72 / 25.4f, text.X, 0.01f);
    }

    [Fact]
    public void AnImageTallerThanAnyPageFailsWithAClearMessage()
    {
        var png = TestImages.Png(10, 1000);

        var error = Assert.Throws<PdfLayoutException>(() => Pages(PdfPageSize.A5, c => c.Image(png)));

        Assert.Contains("第 1 页", error.Message);
        Assert.Contains("does not fit even on an empty page", error.Message);
    }

    [Fact]
    public void AnImageTakesTheWidthAndKeepsItsAspectRatio()
    {
        var pages = Pages(new PdfPageSize(300, 400), c => c.Image(TestImages.Png(40, 20)));

        var image = pages[0].Commands.OfType<ImageCommand>().Single();
        Assert.Equal(300, image.Width, 0.01f);
        Assert.Equal(150, image.Height, 0.01f);
    }

    [Fact]
    public void ShowEntireMovesABlockThatWouldBeSplit()
    {
        var line = LineHeight();
        var pages = Pages(new PdfPageSize(300, 5.5f * line), c => c.Column(col =>
        {
            col.Item().Text("一\n二\n三");
            col.Item().ShowEntire().Text("甲\n乙\n丙");
        }));

        Assert.Equal(["一", "二", "三"], pages[0].Lines());
        Assert.Equal(["甲", "乙", "丙"], pages[1].Lines());
    }
}
