using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Reports.Excel;

namespace CivilAffairs.Portal.Endpoints;

/// <summary>Excel downloads of the social-assistance support lists; the same policy, scope and masking as their pages, audited.</summary>
internal static class SocialAssistanceSupportExports
{
    private const string Policy = "Line:" + nameof(ServiceLine.SocialAssistance);

    public static void MapSocialAssistanceSupportExports(this RouteGroupBuilder export)
    {
        Map(export, "temporary", "临时救助", nameof(TemporaryAssistance), TemporaryColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<TemporaryAssistanceService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "leads", "主动发现线索", nameof(DiscoveryLead), LeadColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<DiscoveryLeadService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "workers", "救助工作人员", nameof(AssistanceWorker), WorkerColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<AssistanceWorkerService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "relatives", "近亲属备案", nameof(RelativeFiling), FilingColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<RelativeFilingService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "families", "安心助养家庭", nameof(CareSubsidyFamily), FamilyColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<CareSubsidyFamilyService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "zero-reports", "零报告", nameof(ZeroReport), ZeroReportColumns, (c, f, s, d) =>
            c.RequestServices.GetRequiredService<ZeroReportService>().ExportAsync(PeriodOf(c), f, s, d, c.RequestAborted));

        export.MapGet("/assistance/subsidy-payments.xlsx", async (HttpContext context, CareSubsidyBatchService batch, SignInAudit audit, int period, string? division, SubsidyPaymentStatus? status, string? text) =>
        {
            if (!ExportEndpoints.IsMonth(period))
            {
                return Results.BadRequest(ExportEndpoints.BadMonth);
            }

            var month = Period.FromKey(period);
            var rows = await ExportEndpoints.WriteAsync(context, $"安心助养{month.Key}", $"安心助养发放明细（{month.ChineseName}）", PaymentColumns, batch.ExportAsync(month, division, status, text, context.RequestAborted));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(CareSubsidyPayment), null, $"{rows} 行；{month} {division} {status}", CancellationToken.None);
            return Results.Empty;
        }).RequireAuthorization(Policy);
    }

    /// <summary>The month of a zero-report export (?period=yyyymm); this month when absent or invalid.</summary>
    private static Period PeriodOf(HttpContext context) =>
        int.TryParse(context.Request.Query["period"], out var key) && key is > 190001 and < 999912 && key % 100 is >= 1 and <= 12
            ? Period.FromKey(key)
            : Period.Of(context.RequestServices.GetRequiredService<TimeProvider>().Today());

    private static void Map<T>(RouteGroupBuilder export, string name, string title, string entity, IReadOnlyList<ExportColumn<T>> columns,
        Func<HttpContext, SupportFilter, string?, bool, IAsyncEnumerable<T>> rows) =>
        export.MapGet($"/assistance/{name}.xlsx", async (HttpContext context, SignInAudit audit, string? text, string? division, DateOnly? from, DateOnly? to, string? kind, string? sort, bool? desc) =>
        {
            var filter = new SupportFilter(text, division, from, to, kind);
            var count = await ExportEndpoints.WriteAsync(context, title, title, columns, rows(context, filter, sort, desc ?? false));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, entity, null, $"{count} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policy);

    private static readonly ExportColumn<TemporaryRow>[] TemporaryColumns =
    [
        new("救助日期", 12, r => r.GivenOn), new("受助人", 12, r => r.RecipientName), new("公民身份号码", 22, r => r.IdNumber),
        new("对象类别", 10, r => r.PassingThrough ? "过往人员" : "本地居民"), new("来源地", 16, r => r.Origin), new("困难类型", 8, r => r.Difficulty.ChineseName()),
        new("救助档次", 16, r => r.TierName), new("金额（元）", 12, r => r.Amount), new("救助方式", 8, r => r.Form.ChineseName()),
        new("救助点", 18, r => r.PointName), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<LeadRow>[] LeadColumns =
    [
        new("发现日期", 12, r => r.FoundOn), new("来源", 12, r => r.Source.ChineseName()), new("线索对象", 30, r => r.Subject), new("行政区划", 16, r => r.DivisionName),
        new("核实人", 12, r => r.Assignee), new("核实结果", 10, r => r.Outcome.ChineseName()), new("说明/原因", 30, r => r.OutcomeReason),
        new("救助案件编号", 20, r => r.CaseReference), new("转为救助日期", 12, r => r.ConvertedOn),
    ];

    private static readonly ExportColumn<WorkerRow>[] WorkerColumns =
    [
        new("姓名", 12, r => r.Name), new("层级", 8, r => r.Level.ChineseName()), new("行政区划", 16, r => r.DivisionName), new("职务", 20, r => r.Post), new("在岗", 6, r => r.Active),
    ];

    private static readonly ExportColumn<FilingRow>[] FilingColumns =
    [
        new("备案日期", 12, r => r.FiledOn), new("工作人员", 12, r => r.WorkerName), new("近亲属", 12, r => r.RelativeName), new("关系", 10, r => r.Relation),
        new("救助项目", 12, r => r.Program.ChineseName()), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<FamilyRow>[] FamilyColumns =
    [
        new("户主", 12, r => r.HeadName), new("需照护成员", 12, r => r.DependantName), new("行政区划", 16, r => r.DivisionName),
        new("起始日期", 12, r => r.StartOn), new("终止日期", 12, r => r.EndOn), new("备注", 24, r => r.Note),
    ];

    private static readonly ExportColumn<ZeroReportRow>[] ZeroReportColumns =
    [
        new("工作人员", 12, r => r.WorkerName), new("层级", 8, r => r.Level.ChineseName()), new("行政区划", 16, r => r.DivisionName), new("报告月份", 10, r => r.Period), new("填报日期", 12, r => r.FiledOn),
    ];

    private static readonly ExportColumn<SubsidyPaymentRow>[] PaymentColumns =
    [
        new("户主", 12, r => r.HeadName), new("行政区划", 16, r => r.DivisionName), new("月份", 10, r => r.Period), new("金额（元）", 12, r => r.Amount),
        new("状态", 8, r => r.Status.ChineseName()), new("办结日期", 12, r => r.SettledOn), new("备注", 24, r => r.Note),
    ];
}
