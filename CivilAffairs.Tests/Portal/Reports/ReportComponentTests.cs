using Bunit;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components.Pages.Reports;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Portal.Reports;

public sealed class ReportComponentTests : PortalTestContext
{
    private static ReportFigure Figure(string code, IndicatorUnit unit, IndicatorKind kind, decimal? current, decimal? previous, decimal? lastYear = null) =>
        new(code, "名称" + code, code, unit, kind, ServiceLine.ElderlyCare, current, previous, lastYear, [new BreakdownFigure("652722", "精河县", current)]);

    private static MonthlyReportData Report(params ReportFigure[] figures) =>
        new(202610, "652700", "博尔塔拉蒙古自治州", DateTimeOffset.UnixEpoch, figures, [new BreakdownFigure("652722", "精河县", null)]);

    [Fact]
    public void PreviewFormatsEachUnitAndMarksFlowsWithAStar()
    {
        var preview = Render<ReportPreview>(p => p.Add(c => c.Report, Report(
            Figure("EC01", IndicatorUnit.Percent, IndicatorKind.Stock, 61.04m, 60m),
            Figure("EC05", IndicatorUnit.Beds, IndicatorKind.Stock, 12345, 10000, 9000),
            Figure("EC19", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, 1701.456m, null))));

        Assert.Equal("61.0", preview.Find("[data-testid=value-EC01]").TextContent);
        Assert.Equal("12,345", preview.Find("[data-testid=value-EC05]").TextContent);
        Assert.Equal("1,701.46", preview.Find("[data-testid=value-EC19]").TextContent);
        var beds = preview.Find("[data-testid=row-EC05]").TextContent;
        Assert.Contains("+23.5", beds, StringComparison.Ordinal);   // 环比
        Assert.Contains("+37.2", beds, StringComparison.Ordinal);   // 同比
        Assert.Contains("*名称EC19", preview.Find("[data-testid=row-EC19]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("*", preview.Find("[data-testid=row-EC05]").TextContent, StringComparison.Ordinal);
        Assert.Contains("精河县", preview.Markup, StringComparison.Ordinal); // the breakdown table
    }

    [Fact]
    public void WarningsAskForAnExplanationThatIsKeptForTheSubmission()
    {
        var warning = new ReportFinding(FindingSeverity.Warning, "MOM", "EC03", "博尔塔拉蒙古自治州", "环比变化 +50.0%");
        var error = new ReportFinding(FindingSeverity.Error, "ORD", "EC06", "精河县", "护理型床位大于床位");
        var explanations = new Dictionary<string, string> { [warning.Key] = string.Empty };

        var panel = Render<FindingsPanel>(p => p.Add(c => c.Findings, [warning, error]).Add(c => c.Explanations, explanations));

        Assert.Single(panel.FindAll("[data-testid^=explain-]"));
        Assert.Contains("护理型床位大于床位", panel.Find("[data-testid=finding-ORD-EC06]").TextContent, StringComparison.Ordinal);
        panel.Find("[data-testid=explain-EC03]").Input("新建养老机构集中投入使用");
        Assert.Equal("新建养老机构集中投入使用", explanations[warning.Key]);
    }

    [Fact]
    public void NoFindingsSaysValidationPassed()
    {
        var panel = Render<FindingsPanel>(p => p.Add(c => c.Findings, []).Add(c => c.Explanations, []));

        Assert.Contains("校验通过", panel.Find("[data-testid=findings-none]").TextContent, StringComparison.Ordinal);
    }
}
