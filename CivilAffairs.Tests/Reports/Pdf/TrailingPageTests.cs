using CivilAffairs.Reports.Pdf;

namespace CivilAffairs.Tests.Reports.Pdf;

/// <summary>Content that ends on a page never leaves an empty page behind it.</summary>
public sealed class TrailingPageTests
{
    private static readonly PdfPageSize Small = new(300, 400);

    [Fact]
    public void AKeptTogetherBlockAtTheEndMakesNoEmptyPage() =>
        Assert.Single(PdfLayoutProbe.Pages(Small, c => c.Column(col =>
        {
            col.Item().Text("标题");
            col.Item().ShowEntire().Column(b => b.Item().Text("内容"));
        })));

    [Fact]
    public void AChartAtTheEndMakesNoEmptyPage() =>
        Assert.Single(PdfLayoutProbe.Pages(Small, c => c.Column(col =>
        {
            col.Item().Text("标题");
            col.Item().BarChart(new BarChartData(["甲", "乙"], [1, 2]) { Height = 100 });
        })));

    [Fact]
    public void AKeptTogetherChartAtTheEndMakesNoEmptyPage() =>
        Assert.Single(PdfLayoutProbe.Pages(Small, c => c.Column(col =>
        {
            col.Spacing(6);
            col.Item().Text("标题");
            col.Item().ShowEntire().BarChart(new BarChartData(["甲", "乙"], [1, 2]) { Height = 100 });
        })));

    [Theory]
    [InlineData(360)]
    [InlineData(385)]
    [InlineData(388)]
    public void AnItemThatDoesNotFitBelowTheSpacingMovesToTheNextPageAndLeavesNoEmptyPage(int chartHeight)
    {
        var pages = PdfLayoutProbe.Pages(Small, c => c.Column(col =>
        {
            col.Spacing(6);
            col.Item().Text("标题");
            col.Item().BarChart(new BarChartData(["甲", "乙"], [1, 2]) { Height = chartHeight });
        }));

        Assert.All(pages, p => Assert.NotEmpty(p.Commands));
    }

    [Fact]
    public void SpacingIsKeptBetweenItemsWhenDrawn()
    {
        var page = Assert.Single(PdfLayoutProbe.Pages(Small, c => c.Column(col =>
        {
            col.Spacing(50);
            col.Item().Text("第一行");
            col.Item().Text("第二行");
        })));

        var ys = page.Commands.OfType<CivilAffairs.Reports.Pdf.Rendering.TextCommand>().Select(t => t.Y).Order().ToList();
        Assert.True(ys[1] - ys[0] >= 50 + PdfLayoutProbe.LineHeight() - 0.5f, $"lines at {ys[0]} and {ys[1]}");
    }
}
