using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.ElderlyCare.Import;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Portal.Security;
using CivilAffairs.Reports.Excel;

namespace CivilAffairs.Portal.Endpoints;

/// <summary>Excel downloads of filtered lists. Each applies the same policy, scope and masking as its page.</summary>
internal static class ExportEndpoints
{
    /// <summary>The answer to a month that is not one (400, not a server error).</summary>
    internal const string BadMonth = "月份无效：请使用 yyyyMM 格式（例如 202610）。";

    /// <summary>Whether <paramref name="key"/> is a month as yyyyMM.</summary>
    internal static bool IsMonth(int key) => key % 100 is >= 1 and <= 12 && key / 100 is >= 1900 and <= 9999;

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var export = endpoints.MapGroup("/export");

        export.MapGet("/people.xlsx", async (HttpContext context, PersonService people, SignInAudit audit, string? text, string? division, bool? deceased, string? sort, bool? desc) =>
        {
            var filter = new PersonFilter(text, division, deceased);
            var rows = await WriteAsync(context, "人员登记", "人员登记表", PeopleColumns, people.ExportAsync(filter, sort, desc ?? false, context.RequestAborted));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, "Person", null, $"{rows} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policies.Registers);

        export.MapGet("/elderly/facilities.xlsx", async (HttpContext context, CareFacilityService facilities, SignInAudit audit,
            string? text, string? division, FacilityKind? kind, FacilityStatus? status, string? scope, bool? medical, string? sort, bool? desc) =>
        {
            var filter = new FacilityFilter(text, division, kind, status, scope == "institutions", medical, scope == "livelihood");
            var rows = await WriteAsync(context, "养老服务设施", "养老服务设施", FacilityColumns, facilities.ExportAsync(filter, sort, desc ?? false, context.RequestAborted));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(CareFacility), null, $"{rows} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policies.ElderlyCare);

        export.MapGet("/elderly/persons.xlsx", async (HttpContext context, ElderlyPersonService elderly, SignInAudit audit,
            string? text, string? division, CareMode? mode, string? flag, string? sort, bool? desc) =>
        {
            var filter = new ElderlyFilter(text, division, mode, flag);
            var rows = await WriteAsync(context, "老年人信息", "老年人信息", ElderlyColumns, elderly.ExportAsync(filter, sort, desc ?? false, context.RequestAborted));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(ElderlyPerson), null, $"{rows} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policies.ElderlyCare);

        export.MapGet("/elderly/allowance.xlsx", async (HttpContext context, HighAgeAllowanceService allowance, SignInAudit audit,
            int period, string? division, PaymentStatus? status, string? text) =>
        {
            if (!IsMonth(period))
            {
                return Results.BadRequest(BadMonth);
            }

            var month = Period.FromKey(period);
            var rows = await WriteAsync(context, $"高龄津贴{month.Key}", $"高龄津贴发放明细（{month.ChineseName}）", PaymentColumns, allowance.ExportAsync(month, division, status, text, context.RequestAborted));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(HighAgeAllowancePayment), null, $"{rows} 行；{month} {division} {status}", CancellationToken.None);
            return Results.Empty;
        }).RequireAuthorization(Policies.ElderlyCare);

        MapActivity(export, "visits", "探访关爱", nameof(CareVisit), VisitColumns, (HttpContext c, ActivityFilter f, string? sort, bool desc) => c.RequestServices.GetRequiredService<CareVisitService>().ExportAsync(f, sort, desc, c.RequestAborted));
        MapActivity(export, "adaptations", "适老化改造", nameof(HomeAdaptation), AdaptationColumns, (HttpContext c, ActivityFilter f, string? sort, bool desc) => c.RequestServices.GetRequiredService<HomeAdaptationService>().ExportAsync(f, sort, desc, c.RequestAborted));
        MapActivity(export, "training", "护理员培训与竞赛", nameof(CaregiverTraining), TrainingColumns, (HttpContext c, ActivityFilter f, string? sort, bool desc) => c.RequestServices.GetRequiredService<CaregiverTrainingService>().ExportAsync(f, sort, desc, c.RequestAborted));

        export.MapGet("/elderly/templates/{what}.xlsx", async (HttpContext context, ElderlyCareImportService import, string what) =>
        {
            context.Response.ContentType = XlsxType;
            var name = what == "persons" ? "老年人信息导入模板.xlsx" : "养老服务设施导入模板.xlsx";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"template.xlsx\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
            await (what == "persons" ? import.WriteElderlyPersonTemplateAsync(context.Response.Body, context.RequestAborted) : import.WriteFacilityTemplateAsync(context.Response.Body, context.RequestAborted));
        }).RequireAuthorization(Policies.ElderlyCare);

        export.MapGet("/assistance/templates/households.xlsx", async (HttpContext context, CivilAffairs.Core.SocialAssistance.Import.HouseholdImportService import) =>
        {
            context.Response.ContentType = XlsxType;
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"template.xlsx\"; filename*=UTF-8''{Uri.EscapeDataString("救助家庭导入模板.xlsx")}";
            await import.WriteTemplateAsync(context.Response.Body, context.RequestAborted);
        }).RequireAuthorization(Policies.SocialAssistance);

        MapSocialAssistance(export);
        export.MapSocialAssistanceSupportExports();
        export.MapSocialOrganizationsCharityExports(); // 社会组织 and 慈善事业
        export.MapSocialAffairsExports(); // 社会事务
        export.MapChildDisabilityExports(); // 儿童福利与残疾人福利
        export.MapQualityExports(); // 数据质量

        export.MapGet("/audit.xlsx", async (HttpContext context, AuditQueries audit, SignInAudit events, string? user, string? entity, string? key, DateOnly? from, DateOnly? to, AuditAction? action) =>
        {
            var filter = new AuditFilter(user, entity, key, from, to, action);
            var rows = await WriteAsync(context, "审计日志", "审计日志", AuditColumns, audit.ExportAsync(filter, context.RequestAborted));
            await events.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(AuditEntry), null, $"{rows} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policies.Administrator);
        return endpoints;
    }

    private static void MapSocialAssistance(RouteGroupBuilder export)
    {
        export.MapGet("/assistance/cases.xlsx", async (HttpContext context, DibaoCaseService cases, SignInAudit audit,
            string? text, string? division, CaseState? state, UrbanRural? area, bool? overdue, string? sort, bool? desc) =>
        {
            var filter = new CaseFilter(text, division, state, overdue ?? false, area);
            var rows = await WriteAsync(context, "低保案件", "低保案件", CaseColumns, cases.ExportAsync(filter, sort, desc ?? false, context.RequestAborted));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(DibaoCase), null, $"{rows} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policies.SocialAssistance);

        export.MapGet("/assistance/households.xlsx", async (HttpContext context, HouseholdService households, SignInAudit audit,
            string? text, string? division, UrbanRural? area, string? sort, bool? desc) =>
        {
            var filter = new HouseholdFilter(text, division, area);
            var rows = await WriteAsync(context, "救助家庭", "救助家庭", HouseholdColumns, households.ExportAsync(filter, sort, desc ?? false, context.RequestAborted));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(Household), null, $"{rows} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policies.SocialAssistance);

        export.MapGet("/assistance/extreme-poverty.xlsx", async (HttpContext context, ExtremePovertyService poverty, SignInAudit audit,
            string? text, string? division, SupportMode? mode, bool? active, bool? willing, string? sort, bool? desc) =>
        {
            var filter = new ExtremePovertyFilter(text, division, mode, active ?? true, willing ?? false);
            var rows = await WriteAsync(context, "特困人员", "特困人员救助供养", PovertyColumns, poverty.ExportAsync(filter, sort, desc ?? false, context.RequestAborted));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(ExtremePovertyCase), null, $"{rows} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policies.SocialAssistance);

        export.MapGet("/assistance/payments.xlsx", async (HttpContext context, AssistancePaymentService payments, SignInAudit audit,
            int period, string? division, AssistanceProgram? program, PaymentStatus? status, string? text, string? sort, bool? desc) =>
        {
            if (!IsMonth(period))
            {
                return Results.BadRequest(BadMonth);
            }

            var month = Period.FromKey(period);
            var rows = await WriteAsync(context, $"社会救助发放{month.Key}", $"低保和特困供养金发放明细（{month.ChineseName}）", AssistancePaymentColumns,
                payments.ExportAsync(month, division, program, status, context.RequestAborted, text, sort, desc ?? false));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, nameof(AssistancePayment), null, $"{rows} 行；{month} {division} {program} {status} {text}", CancellationToken.None);
            return Results.Empty;
        }).RequireAuthorization(Policies.SocialAssistance);
    }

    private static readonly ExportColumn<CaseRow>[] CaseColumns =
    [
        new("户主", 12, r => r.HeadName), new("公民身份号码", 22, r => r.HeadIdNumber), new("行政区划", 16, r => r.DivisionName),
        new("城乡", 6, r => r.Area.ChineseName()), new("申请渠道", 12, r => r.Channel.ChineseName()), new("办理状态", 10, r => r.State.ChineseName()),
        new("近亲属", 8, r => r.CloseRelativeOfWorker), new("申请日期", 12, r => r.AppliedOn), new("本环节时限", 12, r => r.DueOn),
        new("人数", 6, r => r.Members), new("月保障金（元）", 14, r => r.MonthlyBenefit), new("确认日期", 12, r => r.ConfirmedOn),
    ];

    private static readonly ExportColumn<HouseholdRow>[] HouseholdColumns =
    [
        new("户主", 12, r => r.HeadName), new("公民身份号码", 22, r => r.HeadIdNumber), new("行政区划", 16, r => r.DivisionName),
        new("城乡", 6, r => r.Area.ChineseName()), new("人数", 6, r => r.Members), new("月人均收入（元）", 14, r => r.PerCapitaIncome), new("住址", 30, r => r.Address),
    ];

    private static readonly ExportColumn<ExtremePovertyRow>[] PovertyColumns =
    [
        new("姓名", 12, r => r.Name), new("公民身份号码", 22, r => r.IdNumber), new("行政区划", 16, r => r.DivisionName),
        new("供养方式", 10, r => ExtremePovertyCase.ChineseName(r.Mode)), new("供养机构", 24, r => r.FacilityName), new("自理能力", 8, r => ExtremePovertyCase.ChineseName(r.SelfCare)),
        new("愿意集中供养", 10, r => r.WillingCentralised), new("月供养标准（元）", 14, r => r.MonthlyAmount), new("认定日期", 12, r => r.StartedOn), new("终止日期", 12, r => r.EndedOn),
    ];

    private static readonly ExportColumn<AssistancePaymentRow>[] AssistancePaymentColumns =
    [
        new("项目", 10, r => r.Program == AssistanceProgram.Dibao ? "低保" : "特困供养"), new("姓名（户主）", 12, r => r.Name), new("行政区划", 16, r => r.DivisionName),
        new("人数", 6, r => r.Persons), new("金额（元）", 12, r => r.Amount), new("状态", 8, r => r.Status.ChineseName()), new("办结日期", 12, r => r.SettledOn),
    ];

    private static void MapActivity<T>(RouteGroupBuilder export, string name, string title, string entity, IReadOnlyList<ExportColumn<T>> columns,
        Func<HttpContext, ActivityFilter, string?, bool, IAsyncEnumerable<T>> rows) =>
        export.MapGet($"/elderly/{name}.xlsx", async (HttpContext context, SignInAudit audit, string? text, string? division, DateOnly? from, DateOnly? to, string? sort, bool? desc) =>
        {
            var filter = new ActivityFilter(text, division, from, to);
            var count = await WriteAsync(context, title, title, columns, rows(context, filter, sort, desc ?? false));
            await audit.RecordAsync(AuditAction.Export, context.User.Identity!.Name!, entity, null, $"{count} 行；筛选 {filter}", CancellationToken.None);
        }).RequireAuthorization(Policies.ElderlyCare);

    internal static async Task<int> WriteAsync<T>(HttpContext context, string fileStem, string title, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows)
    {
        var fileName = $"{fileStem}-{context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToChina():yyyyMMdd-HHmm}.xlsx";
        // The spreadsheet library makes a synchronous write when it finishes the file; Kestrel refuses
        // synchronous body writes by default and aborted every download (caught by ExportTests).
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        context.Response.ContentType = XlsxType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"export.xlsx\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
        return await RegisterExport.WriteAsync(context.Response.Body, fileStem, title, columns, rows, context.RequestAborted);
    }

    private static readonly ExportColumn<PersonRow>[] PeopleColumns =
    [
        new("姓名", 12, r => r.Name),
        new("公民身份号码", 22, r => r.IdNumber),
        new("性别", 6, r => r.Gender == Gender.Male ? "男" : "女"),
        new("出生日期", 12, r => r.BirthDate),
        new("民族", 10, r => r.Ethnicity),
        new("联系电话", 14, r => r.Phone),
        new("行政区划", 18, r => r.DivisionName),
        new("区划代码", 12, r => r.DivisionCode),
        new("死亡日期", 12, r => r.DateOfDeath),
    ];

    private static readonly ExportColumn<FacilityRow>[] FacilityColumns =
    [
        new("设施名称", 28, r => r.Name),
        new("设施类型", 22, r => r.Kind.ChineseName()),
        new("行政区划", 16, r => r.DivisionName),
        new("运营方式", 10, r => r.OperationMode.ChineseName()),
        new("运营方", 20, r => r.Operator),
        new("总床位", 8, r => r.TotalBeds),
        new("护理型床位", 10, r => r.NursingBeds),
        new("在住人数", 8, r => r.OccupiedBeds),
        new("医养结合", 8, r => r.HasMedicalService),
        new("投资（元）", 14, r => r.Investment),
        new("投资年份", 8, r => r.InvestmentYear),
        new("开业日期", 12, r => r.OpenedOn),
        new("状态", 8, r => r.Status.ChineseName()),
        new("民生实事年份", 10, r => r.LivelihoodProjectYear),
    ];

    private static readonly ExportColumn<ElderlyRow>[] ElderlyColumns =
    [
        new("姓名", 12, r => r.Name),
        new("公民身份号码", 22, r => r.IdNumber),
        new("性别", 6, r => r.Gender == Gender.Male ? "男" : "女"),
        new("出生日期", 12, r => r.BirthDate),
        new("行政区划", 16, r => r.DivisionName),
        new("特殊情况", 18, r => r.Flags),
        new("养老方式", 8, r => r.CareMode.ChineseName()),
        new("所在机构", 24, r => r.FacilityName),
        new("死亡日期", 12, r => r.DateOfDeath),
    ];

    private static readonly ExportColumn<PaymentRow>[] PaymentColumns =
    [
        new("姓名", 12, r => r.Name),
        new("公民身份号码", 22, r => r.IdNumber),
        new("行政区划", 16, r => r.DivisionName),
        new("年龄", 6, r => r.Age),
        new("金额（元）", 12, r => r.Amount),
        new("状态", 8, r => r.Status.ChineseName()),
        new("办结日期", 12, r => r.SettledOn),
    ];

    private static readonly ExportColumn<VisitRow>[] VisitColumns =
    [
        new("探访日期", 12, r => r.VisitedOn), new("被探访老人", 12, r => r.ElderlyName), new("行政区划", 16, r => r.DivisionName),
        new("探访人", 12, r => r.Visitor), new("方式", 8, r => r.Mode == VisitMode.Phone ? "电话" : "上门"), new("探访情况", 30, r => r.Findings), new("需要跟进", 8, r => r.FollowUpNeeded),
    ];

    private static readonly ExportColumn<AdaptationRow>[] AdaptationColumns =
    [
        new("老年人（户）", 12, r => r.PersonName), new("行政区划", 16, r => r.DivisionName), new("改造项目", 30, r => r.Items),
        new("改造费用（元）", 14, r => r.Cost), new("补贴金额（元）", 14, r => r.Subsidy), new("完工日期", 12, r => r.CompletedOn),
    ];

    private static readonly ExportColumn<TrainingRow>[] TrainingColumns =
    [
        new("日期", 12, r => r.HeldOn), new("名称", 30, r => r.Title), new("类型", 12, r => r.Kind == TrainingKind.Competition ? "职业技能竞赛" : "培训"),
        new("行政区划", 16, r => r.DivisionName), new("线上", 6, r => r.Online), new("参加人数", 10, r => r.Participants),
    ];

    private static readonly ExportColumn<AuditRow>[] AuditColumns =
    [
        new("时间（北京时间）", 20, r => r.OccurredAt.ToChina().DateTime),
        new("用户", 14, r => r.UserName),
        new("操作", 10, r => r.Action.ChineseName()),
        new("对象", 14, r => r.EntityType),
        new("记录", 14, r => r.EntityKey),
        new("变更内容", 60, r => string.Join("；", r.Changes.Select(c => $"{c.Field}: {c.Old} → {c.New}"))),
        new("说明", 24, r => r.Detail),
    ];
}
