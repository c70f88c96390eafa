using CivilAffairs.Core.Charity;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialOrganizations;
using CivilAffairs.Reports.Excel;

namespace CivilAffairs.Portal.Endpoints;

/// <summary>Excel downloads of the 社会组织 and 慈善 lists: the same policy, filter and scope as their pages, audited.</summary>
internal static class SocialOrganizationsCharityExports
{
    private const string OrgPolicy = "Line:" + nameof(ServiceLine.SocialOrganizations);
    private const string CharityPolicy = "Line:" + nameof(ServiceLine.Charity);

    public static void MapSocialOrganizationsCharityExports(this RouteGroupBuilder export)
    {
        Map(export, OrgPolicy, "/orgs/organizations.xlsx", "社会组织", nameof(SocialOrganization), OrganizationColumns,
            (c, f, s, d) => c.RequestServices.GetRequiredService<SocialOrganizationService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, OrgPolicy, "/orgs/applications.xlsx", "社会组织登记申请", nameof(RegistrationApplication), ApplicationColumns,
            (c, f, s, d) => c.RequestServices.GetRequiredService<RegistrationApplicationService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, OrgPolicy, "/orgs/incubation.xlsx", "孵化培育与公益创投项目", nameof(IncubationProject), ProjectColumns,
            (c, f, s, d) => c.RequestServices.GetRequiredService<IncubationService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, CharityPolicy, "/charity/donations.xlsx", "慈善捐赠", nameof(Donation), DonationColumns,
            (c, f, s, d) => c.RequestServices.GetRequiredService<DonationService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, CharityPolicy, "/charity/gifts.xlsx", "慈善礼包发放", nameof(GiftPackageDistribution), GiftColumns,
            (c, f, s, d) => c.RequestServices.GetRequiredService<GiftPackageService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, CharityPolicy, "/charity/clinics.xlsx", "义诊活动", nameof(FreeClinic), ClinicColumns,
            (c, f, s, d) => c.RequestServices.GetRequiredService<FreeClinicService>().ExportAsync(f, s, d, c.RequestAborted));
        Map(export, CharityPolicy, "/charity/lottery.xlsx", "福利彩票销售", nameof(LotterySales), LotteryColumns,
            (c, f, s, d) => c.RequestServices.GetRequiredService<LotterySalesService>().ExportAsync(f, s, d, c.RequestAborted));

        export.MapGet("/orgs/templates/organizations.xlsx", async (HttpContext context, CivilAffairs.Core.SocialOrganizations.Import.OrganizationImportService import) =>
        {
            context.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"template.xlsx\"; filename*=UTF-8''{Uri.EscapeDataString("社会组织导入模板.xlsx")}";
            await import.WriteTemplateAsync(context.Response.Body, context.RequestAborted);
        }).RequireAuthorization(OrgPolicy);
    }

    private static void Map<T>(RouteGroupBuilder export, string policy, string path, string title, string entity, IReadOnlyList<ExportColumn<T>> columns,
        Func<HttpContext, LineFilter, string?, bool, IAsyncEnumerable<T>> rows) =>
        export.MapGet(path, async (HttpContext context, SignInAudit audit, string? text, string? division, DateOnly? from, DateOnly? to, string? kind, string? sort, bool? desc) =>
        {
            var filter = new LineFilter(text, division, from, to, kind);
            var count = await ExportEndpoints.WriteAsync(context, title, title, columns, rows(context, filter, sort, desc ?? false));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, entity, null, $"{count} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(policy);

    private static readonly ExportColumn<OrganizationRow>[] OrganizationColumns =
    [
        new("名称", 30, r => r.Name), new("统一社会信用代码", 22, r => r.CreditCode), new("类型", 12, r => r.Type.ChineseName()), new("登记（备案）日期", 14, r => r.RegisteredOn),
        new("法定代表人", 12, r => r.LegalRepresentative), new("业务主管单位", 22, r => r.SupervisingUnit), new("状态", 8, r => r.Status.ChineseName()),
        new("评估等级", 10, r => r.GradeName), new("党组织", 8, r => r.HasPartyOrganization ? "已建立" : "未建立"), new("网上登记", 8, r => r.RegisteredOnline ? "是" : "否"),
        new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<ApplicationRow>[] ApplicationColumns =
    [
        new("申请日期", 12, r => r.SubmittedOn), new("申请类型", 10, r => r.Kind.ChineseName()), new("社会组织名称", 30, r => r.Name), new("类型", 12, r => r.OrganizationType.ChineseName()),
        new("办理方式", 10, r => r.Channel.ChineseName()), new("跑动次数", 8, r => r.Visits), new("审批结果", 10, r => r.Status.ChineseName()),
        new("审批日期", 12, r => r.DecidedOn), new("办结天数", 8, r => r.DaysToDecision), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<ProjectRow>[] ProjectColumns =
    [
        new("年度", 8, r => r.Year), new("项目名称", 34, r => r.Name), new("类别", 10, r => r.Category.ChineseName()), new("承接组织", 30, r => r.OrganizationName),
        new("组织类型", 12, r => r.OrganizationType.ChineseName()), new("资助金额（元）", 14, r => r.Funding), new("优质项目", 8, r => r.QualityAward ? "是" : "否"),
        new("孵化基地", 26, r => r.BaseName), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<DonationRow>[] DonationColumns =
    [
        new("捐赠日期", 12, r => r.DonatedOn), new("捐赠方", 26, r => r.DonorName), new("捐赠方类型", 10, r => r.DonorKind.ChineseName()), new("形式", 8, r => r.Form.ChineseName()),
        new("价值（元）", 14, r => r.Value), new("物资说明", 26, r => r.Description), new("受赠类型", 10, r => r.RecipientKind.ChineseName()), new("受赠对象", 26, r => r.Recipient),
        new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<GiftRow>[] GiftColumns =
    [
        new("发放日期", 12, r => r.DistributedOn), new("领取人", 12, r => r.RecipientName), new("对象类别", 20, r => r.Group.ChineseName()), new("礼包（份）", 10, r => r.Packages),
        new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<ClinicRow>[] ClinicColumns =
    [
        new("义诊日期", 12, r => r.HeldOn), new("主办单位", 20, r => r.Organiser), new("地点", 24, r => r.Place), new("服务人次", 10, r => r.Patients), new("行政区划", 16, r => r.DivisionName),
    ];

    private static readonly ExportColumn<LotteryRow>[] LotteryColumns =
    [
        new("月份", 10, r => r.PeriodName), new("县市", 12, r => r.DivisionName), new("玩法", 26, r => r.Game.ChineseName()), new("销售额（元）", 16, r => r.Sales),
        new("筹集公益金（元）", 16, r => r.WelfareFund),
    ];
}
