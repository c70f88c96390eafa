using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Reports.Excel;

namespace CivilAffairs.Portal.Endpoints;

/// <summary>Excel downloads of the 儿童福利与残疾人福利 lists; the same policy, scope and masking as their pages, audited.</summary>
internal static class ChildDisabilityExports
{
    private const string Policy = "Line:" + nameof(ServiceLine.ChildAndDisabilityWelfare);

    public static void MapChildDisabilityExports(this RouteGroupBuilder export)
    {
        Map(export, "disability/recipients", "残疾人两项补贴对象", nameof(DisabilitySubsidy), RecipientColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<DisabilitySubsidyService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "disability/rehabilitation", "社区康复活动", nameof(RehabActivity), RehabColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<RehabActivityService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "children/in-care", "困境儿童保障对象", nameof(ChildInCare), ChildColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<ChildInCareService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "children/education-aid", "孤儿助学", nameof(EducationAid), AidColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<EducationAidService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, "children/facilities", "儿童福利与精神卫生福利机构", nameof(WelfareFacility), FacilityColumns, (c, f, s, d) => c.RequestServices.GetRequiredService<WelfareFacilityService>().ExportAsync(f, s, d, c.RequestAborted));
        MapPayments(export, "disability/payments.xlsx", WelfareGroup.Disability);
        MapPayments(export, "children/payments.xlsx", WelfareGroup.Children);
    }

    private static void MapPayments(RouteGroupBuilder export, string path, WelfareGroup group) =>
        export.MapGet("/" + path, async (HttpContext context, WelfareBatchService batch, SignInAudit audit, int period, string? division, PaymentStatus? status, string? text) =>
        {
            if (!ExportEndpoints.IsMonth(period))
            {
                return Results.BadRequest(ExportEndpoints.BadMonth);
            }

            var month = Period.FromKey(period);
            var title = $"{group.ChineseName()}发放明细（{month.ChineseName}）";
            var rows = await ExportEndpoints.WriteAsync(context, $"{group.ChineseName()}{month.Key}", title, PaymentColumns, batch.ExportAsync(group, month, division, status, text, context.RequestAborted));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(WelfarePayment), null, $"{rows} 行；{group} {month} {division} {status}", CancellationToken.None);
            return Results.Empty;
        }).RequireAuthorization(Policy);

    private static void Map<T>(RouteGroupBuilder export, string name, string title, string entity, IReadOnlyList<ExportColumn<T>> columns,
        Func<HttpContext, SupportFilter, string?, bool, IAsyncEnumerable<T>> rows) =>
        export.MapGet($"/{name}.xlsx", async (HttpContext context, SignInAudit audit, string? text, string? division, DateOnly? from, DateOnly? to, string? kind, string? sort, bool? desc) =>
        {
            var filter = new SupportFilter(text, division, from, to, kind);
            var count = await ExportEndpoints.WriteAsync(context, title, title, columns, rows(context, filter, sort, desc ?? false));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, entity, null, $"{count} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policy);

    private static readonly ExportColumn<DisabilityRow>[] RecipientColumns =
    [
        new("姓名", 12, r => r.Name), new("公民身份号码", 22, r => r.IdNumber), new("残疾人证号", 24, r => r.CertificateNumber), new("残疾类别", 10, r => r.Category.ChineseName()),
        new("残疾等级", 8, r => Names.GradeName(r.Grade)), new("补贴类别", 20, r => r.SubsidyType.ChineseName()), new("起始日期", 12, r => r.StartOn),
        new("终止日期", 12, r => r.EndOn), new("跨省通办", 8, r => r.CrossProvince ? "是" : "否"), new("死亡日期", 12, r => r.DateOfDeath), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<RehabActivityRow>[] RehabColumns =
    [
        new("活动日期", 12, r => r.HeldOn), new("活动名称", 30, r => r.Title), new("活动类型", 12, r => r.Kind.ChineseName()), new("参加人数", 10, r => r.Participants), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<ChildRow>[] ChildColumns =
    [
        new("姓名", 12, r => r.Name), new("公民身份号码", 22, r => r.IdNumber), new("儿童类别", 18, r => r.Category.ChineseName()), new("监护人", 16, r => r.GuardianName),
        new("关系", 10, r => r.GuardianRelation), new("监护人电话", 14, r => r.GuardianPhone), new("所在机构", 22, r => r.InstitutionName), new("纳入日期", 12, r => r.StartOn),
        new("状态", 16, r => r.StatusName), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<EducationAidRow>[] AidColumns =
    [
        new("年度", 8, r => r.Year), new("学生", 12, r => r.Name), new("公民身份号码", 22, r => r.IdNumber), new("学校", 24, r => r.School), new("金额（元）", 12, r => r.Amount),
        new("发放日期", 12, r => r.GrantedOn), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<WelfareFacilityRow>[] FacilityColumns =
    [
        new("名称", 28, r => r.Name), new("类型", 18, r => r.Kind.ChineseName()), new("行政区划", 16, r => r.DivisionName), new("床位/容量", 10, r => r.Capacity),
        new("服务儿童", 10, r => r.ChildrenServed), new("投资（万元）", 12, r => r.Investment / 10000m), new("投资年度", 10, r => r.InvestmentYear),
        new("启用日期", 12, r => r.OpenedOn), new("状态", 8, r => r.Status.ChineseName()), new("运营单位", 24, r => r.Operator),
    ];

    private static readonly ExportColumn<WelfarePaymentRow>[] PaymentColumns =
    [
        new("姓名", 12, r => r.Name), new("公民身份号码", 22, r => r.IdNumber), new("补贴项目", 24, r => r.Benefit.ChineseName()), new("行政区划", 16, r => r.DivisionName),
        new("月份", 10, r => r.Period), new("金额（元）", 12, r => r.Amount), new("状态", 8, r => r.Status.ChineseName()), new("发放/退回日期", 14, r => r.SettledOn), new("备注", 24, r => r.Note),
    ];
}
