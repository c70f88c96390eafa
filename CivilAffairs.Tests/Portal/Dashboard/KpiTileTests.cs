using Bunit;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Portal.Components.Pages.Dashboard;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Portal.Dashboard;

public sealed class KpiTileTests : PortalTestContext
{
    private static IndicatorResult Result(string code, decimal? value, decimal? previous) =>
        new(IndicatorCatalog.Find(code)!, "652700", new Period(2026, 11), new IndicatorValue(value, null, null), new IndicatorValue(previous, null, null), []);

    [Fact]
    public void ARatioBelowItsTargetSaysNotMetWithTheTargetAndItsSource()
    {
        var tile = Render<KpiTile>(p => p.Add(t => t.Result, Result("EC01", 52.5m, 50.0m)));

        Assert.Equal("52.5", tile.Find("[data-testid=kpi-value]").TextContent);
        Assert.Equal("未达标", tile.Find("[data-testid=kpi-status]").TextContent.Trim());
        Assert.Contains("≥55%", tile.Markup);
        Assert.Contains("十四五规划", tile.Markup);
        Assert.Contains("+2.5个百分点", tile.Find("[data-testid=kpi-change]").TextContent);
    }

    [Fact]
    public void ARatioAtItsTargetIsMet()
    {
        var tile = Render<KpiTile>(p => p.Add(t => t.Result, Result("EC01", 55.0m, 55.0m)));

        Assert.Equal("达标", tile.Find("[data-testid=kpi-status]").TextContent.Trim());
        Assert.Equal("较上月持平", tile.Find("[data-testid=kpi-change]").TextContent);
    }

    [Fact]
    public void ACountWithoutTargetShowsNoStatusAndThousandsSeparators()
    {
        var tile = Render<KpiTile>(p => p.Add(t => t.Result, Result("EC05", 12345m, 12400m)));

        Assert.Equal("12,345", tile.Find("[data-testid=kpi-value]").TextContent);
        Assert.Empty(tile.FindAll("[data-testid=kpi-status]"));
        Assert.Contains("-55张", tile.Find("[data-testid=kpi-change]").TextContent);
    }

    [Fact]
    public void ClickingATileSelectsItsIndicator()
    {
        string? selected = null;
        var tile = Render<KpiTile>(p => p.Add(t => t.Result, Result("EC10", 271m, 270m)).Add(t => t.OnSelect, code => selected = code));

        tile.Find("[data-testid=kpi-EC10]").Click();

        Assert.Equal("EC10", selected);
    }
}
