using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAffairs;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Reports.Excel;

namespace CivilAffairs.Portal.Endpoints;

/// <summary>Excel downloads of the 社会事务 lists; the same policy, scope and masking as their pages, audited.</summary>
internal static class SocialAffairsExports
{
    private const string Policy = "Line:" + nameof(ServiceLine.SocialAffairs);

    public static void MapSocialAffairsExports(this RouteGroupBuilder export)
    {
        Map(export, "after-death", "身后一件事", nameof(DeathCase), DeathColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<AfterDeathService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "marriage", "婚姻登记月度数据", nameof(MarriageMonthlyFigure), MarriageColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<MarriageFigureService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "weddings", "集体婚礼", nameof(CollectiveWedding), WeddingColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<CollectiveWeddingService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "burial", "殡葬设施", nameof(BurialFacility), BurialColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<BurialFacilityService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "places", "地名信息", nameof(PlaceName), PlaceColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<PlaceNameService>().ExportAsync(f, s, d, c.RequestAborted));

        export.MapGet("/affairs/recovery.xlsx", async (HttpContext context, AfterDeathService cases, SignInAudit audit, string? division, int? person) =>
        {
            var rows = await cases.RecoveryAsync(person, division, context.RequestAborted);
            var count = await ExportEndpoints.WriteAsync(context, "应追回发放", "死亡后发放应追回清单", RecoveryColumns, rows.ToAsyncEnumerable());
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(PaymentAfterDeath), null, $"{count} 行；{division} {person}", CancellationToken.None);
        }).RequireAuthorization(Policy);
    }

    private static void Map<T>(RouteGroupBuilder export, string name, string title, string entity, IReadOnlyList<ExportColumn<T>> columns,
        Func<HttpContext, SupportFilter, string?, bool, IAsyncEnumerable<T>> rows) =>
        export.MapGet($"/affairs/{name}.xlsx", async (HttpContext context, SignInAudit audit, string? text, string? division, DateOnly? from, DateOnly? to, string? kind, string? sort, bool? desc) =>
        {
            var filter = new SupportFilter(text, division, from, to, kind);
            var count = await ExportEndpoints.WriteAsync(context, title, title, columns, rows(context, filter, sort, desc ?? false));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, entity, null, $"{count} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policy);

    private static readonly ExportColumn<DeathCaseRow>[] DeathColumns =
    [
        new("逝者", 12, r => r.PersonName), new("公民身份号码", 22, r => r.IdNumber), new("死亡日期", 12, r => r.DateOfDeath), new("申请人", 12, r => r.Applicant),
        new("申请日期", 12, r => r.AppliedOn), new("办理事项", 40, r => r.Items.ChineseName()), new("已办结事项", 40, r => r.CompletedItems.ChineseName()),
        new("办结日期", 12, r => r.CompletedOn), new("办理时长（工作日）", 10, r => r.ProcessingDays), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<MarriageFigureRow>[] MarriageColumns =
    [
        new("月份", 12, r => r.PeriodName), new("婚姻登记处", 24, r => r.OfficeName), new("结婚登记（对）", 10, r => r.Marriages), new("离婚登记（对）", 10, r => r.Divorces),
        new("全区通办（对）", 10, r => r.CrossRegion), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<WeddingRow>[] WeddingColumns =
    [
        new("举办日期", 12, r => r.HeldOn), new("地点", 24, r => r.Place), new("新人（对）", 10, r => r.Couples), new("备注", 24, r => r.Note), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<BurialRow>[] BurialColumns =
    [
        new("设施名称", 24, r => r.Name), new("类型", 12, r => r.Kind.ChineseName()), new("公益性", 8, r => r.PublicWelfare ? "是" : "否"), new("容量（穴/格）", 10, r => r.Capacity),
        new("投资（元）", 14, r => r.Investment), new("状态", 8, r => r.Status.ChineseName()), new("启用日期", 12, r => r.OpenedOn), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<PlaceNameRow>[] PlaceColumns =
    [
        new("地名", 24, r => r.Name), new("类型", 10, r => r.Kind.ChineseName()), new("类别", 12, r => r.Category.ChineseName()), new("经度", 12, r => r.Longitude),
        new("纬度", 12, r => r.Latitude), new("状态", 8, r => r.Status.ChineseName()), new("来源", 12, r => r.Source.ChineseName()), new("援疆城市", 12, r => r.AidCity),
        new("采集日期", 12, r => r.RecordedOn), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<PaymentAfterDeath>[] RecoveryColumns =
    [
        new("姓名", 12, r => r.PersonName), new("项目", 12, r => r.Program), new("死亡日期", 12, r => r.DateOfDeath), new("发放月份", 10, r => Period.FromKey(r.Period).ChineseName),
        new("金额（元）", 12, r => r.Amount), new("状态", 8, r => r.Status), new("行政区划", 16, r => CivilAffairs.Core.Divisions.DivisionCatalog.NameOf(r.DivisionCode)),
    ];
}
