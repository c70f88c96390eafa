using System.Linq.Expressions;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.SocialAssistance;

namespace CivilAffairs.Core.Quality;

/// <summary>
/// Where a 低保 case stood on a day, read from its dated steps. "In payment" is <see cref="DibaoInPayment"/>,
/// the one rule of the stock (SA01–SA04), the monthly batch and these checks.
/// </summary>
public static class DibaoHistory
{
    /// <summary>Applied by <paramref name="day"/> and neither exited nor refused by then (open, in payment or suspended).</summary>
    public static Expression<Func<DibaoCase, bool>> OpenOrInPaymentOn(DateOnly day) =>
        c => c.AppliedOn <= day && (c.ExitedOn == null || c.ExitedOn > day) && !(c.State == CaseState.Refused && c.DecidedOn <= day);
}

public sealed record NotInPaymentRow(AssistanceProgram Program, int CaseId, string DivisionCode, string Name, string IdNumber, decimal Amount, PaymentStatus Status,
    CaseState? State, DateOnly? StartedOn, DateOnly? EndedOn);

/// <summary>
/// DQ02: a month's 低保 payment (not returned) to a case that was not in payment at the month's end —
/// never confirmed (applied, refused), suspended, or exited — and a 特困 payment for a month outside the
/// support period (started after the month, ended before it began).
/// </summary>
public sealed class PaidNotInPaymentCheck : DatabaseCheck<NotInPaymentRow>
{
    public override QualityCheck Check => QualityCheck.PaidNotInPayment;

    protected override IReadOnlyList<IQueryable<NotInPaymentRow>> Parts(QualityContext context)
    {
        var (db, key, start, end, prefix) = (context.Db, context.Key, context.Start, context.End, context.Prefix);
        var inPayment = DibaoInPayment.On(db, end);
        var dibao = from p in db.AssistancePayments
                    join c in db.DibaoCases on p.CaseId equals c.Id
                    where p.Program == AssistanceProgram.Dibao && p.Period == key && p.Status != PaymentStatus.Returned && p.DivisionCode.StartsWith(prefix)
                          && !inPayment.Any(i => i.Id == c.Id)
                    orderby p.DivisionCode, c.Id
                    select new NotInPaymentRow(p.Program, c.Id, p.DivisionCode, c.Household!.Head!.Name, c.Household.Head.IdNumber, p.Amount, p.Status, c.State, null, null);
        var poverty = from p in db.AssistancePayments
                      join c in db.ExtremePovertyCases on p.CaseId equals c.Id
                      where p.Program == AssistanceProgram.ExtremePoverty && p.Period == key && p.Status != PaymentStatus.Returned && p.DivisionCode.StartsWith(prefix)
                            && (c.StartedOn > end || c.EndedOn < start)
                      orderby p.DivisionCode, c.Id
                      select new NotInPaymentRow(p.Program, c.Id, p.DivisionCode, c.Person!.Name, c.Person.IdNumber, p.Amount, p.Status, null, c.StartedOn, c.EndedOn);
        return [dibao, poverty];
    }

    protected override QualityFinding ToFinding(NotInPaymentRow row, QualityContext context) => row.Program == AssistanceProgram.Dibao
        ? new(Check, row.DivisionCode, row.Name, row.IdNumber,
            $"低保：{context.Period.ChineseName}发放 {QualityChecks.Money(row.Amount)} 元（{QualityChecks.StatusName(row.Status)}），该案件月末未在保（当前状态：{row.State?.ChineseName()}）。",
            $"/assistance/cases/{row.CaseId}")
        : new(Check, row.DivisionCode, row.Name, row.IdNumber,
            $"特困供养：{context.Period.ChineseName}发放 {QualityChecks.Money(row.Amount)} 元（{QualityChecks.StatusName(row.Status)}），供养期 {row.StartedOn:yyyy-MM-dd} 至 {(row.EndedOn is { } e ? e.ToString("yyyy-MM-dd") : "今")} 不含该月。",
            $"/assistance/extreme-poverty/{row.CaseId}");
}

public sealed record DoubleSupportRow(int PovertyCaseId, string DivisionCode, string Name, string IdNumber, string? FacilityName, int DibaoCaseId);

/// <summary>DQ03: a person in centralised 特困 support at the month's end who is also a member of a household whose 低保 case is in payment then.</summary>
public sealed class DibaoAndCentralisedCheck : DatabaseCheck<DoubleSupportRow>
{
    public override QualityCheck Check => QualityCheck.DibaoAndCentralisedSupport;

    protected override IReadOnlyList<IQueryable<DoubleSupportRow>> Parts(QualityContext context)
    {
        var (db, end, prefix) = (context.Db, context.End, context.Prefix);
        var inPayment = DibaoInPayment.On(db, end);
        var query = from e in db.ExtremePovertyCases
                    where e.Mode == SupportMode.Centralised && e.StartedOn <= end && (e.EndedOn == null || e.EndedOn > end) && e.DivisionCode.StartsWith(prefix)
                    let dibaoCase = (from m in db.HouseholdMembers
                                     join c in inPayment on m.HouseholdId equals c.HouseholdId
                                     where m.PersonId == e.PersonId
                                     orderby c.Id
                                     select (int?)c.Id).FirstOrDefault()
                    where dibaoCase != null
                    orderby e.DivisionCode, e.Id
                    select new DoubleSupportRow(e.Id, e.DivisionCode, e.Person!.Name, e.Person.IdNumber, e.FacilityName, dibaoCase!.Value);
        return [query];
    }

    protected override QualityFinding ToFinding(DoubleSupportRow row, QualityContext context) =>
        new(Check, row.DivisionCode, row.Name, row.IdNumber,
            $"{context.Period.ChineseName}末在{row.FacilityName}集中供养，同时是在保低保案件（编号 {row.DibaoCaseId}）的家庭成员。",
            $"/assistance/extreme-poverty/{row.PovertyCaseId}");
}

public sealed record RelativeCaseRow(int CaseId, string DivisionCode, string Name, string IdNumber, CaseState State, DateOnly AppliedOn);

/// <summary>DQ05: a 低保 case flagged as a worker's close relative (open, in payment or suspended at the month's end) with no 低保 近亲属备案 filed by then for any member of the household.</summary>
public sealed class RelativeCaseWithoutFilingCheck : DatabaseCheck<RelativeCaseRow>
{
    public override QualityCheck Check => QualityCheck.RelativeCaseWithoutFiling;

    protected override IReadOnlyList<IQueryable<RelativeCaseRow>> Parts(QualityContext context)
    {
        var (db, end, prefix) = (context.Db, context.End, context.Prefix);
        var query = db.DibaoCases.Where(DibaoHistory.OpenOrInPaymentOn(end))
            .Where(c => c.CloseRelativeOfWorker && c.DivisionCode.StartsWith(prefix)
                && !db.RelativeFilings.Any(f => f.Program == FilingProgram.LowIncome && f.FiledOn <= end
                    && db.HouseholdMembers.Any(m => m.HouseholdId == c.HouseholdId && m.PersonId == f.RelativePersonId)))
            .OrderBy(c => c.DivisionCode).ThenBy(c => c.Id)
            .Select(c => new RelativeCaseRow(c.Id, c.DivisionCode, c.Household!.Head!.Name, c.Household.Head.IdNumber, c.State, c.AppliedOn));
        return [query];
    }

    protected override QualityFinding ToFinding(RelativeCaseRow row, QualityContext context) =>
        new(Check, row.DivisionCode, row.Name, row.IdNumber,
            $"近亲属低保案件（{row.AppliedOn:yyyy-MM-dd} 申请，当前状态：{row.State.ChineseName()}），截至{context.Period.ChineseName}末家庭成员均无低保近亲属备案。",
            $"/assistance/cases/{row.CaseId}");
}

public sealed record FilingRow(int FilingId, string DivisionCode, string Name, string IdNumber, string WorkerName, string Relation, FilingProgram Program, DateOnly FiledOn);

/// <summary>
/// DQ06: a 近亲属备案 filed by the month's end that no case answers: for 低保, the relative is not a member of
/// any household whose 低保 case is flagged as a relative's (ever); for 特困, the relative has no 特困 record.
/// Filings for 临时救助 and 低收入人口 have no case register to match and are not checked.
/// </summary>
public sealed class FilingWithoutCaseCheck : DatabaseCheck<FilingRow>
{
    public override QualityCheck Check => QualityCheck.FilingWithoutCase;

    protected override IReadOnlyList<IQueryable<FilingRow>> Parts(QualityContext context)
    {
        var (db, end, prefix) = (context.Db, context.End, context.Prefix);
        var query = db.RelativeFilings
            .Where(f => f.FiledOn <= end && f.DivisionCode.StartsWith(prefix)
                && ((f.Program == FilingProgram.LowIncome
                        && !db.HouseholdMembers.Any(m => m.PersonId == f.RelativePersonId && db.DibaoCases.Any(c => c.HouseholdId == m.HouseholdId && c.CloseRelativeOfWorker)))
                    || (f.Program == FilingProgram.ExtremePoverty && !db.ExtremePovertyCases.Any(e => e.PersonId == f.RelativePersonId))))
            .OrderBy(f => f.DivisionCode).ThenBy(f => f.Id)
            .Select(f => new FilingRow(f.Id, f.DivisionCode, f.Relative!.Name, f.Relative.IdNumber, f.Worker!.Name, f.Relation, f.Program, f.FiledOn));
        return [query];
    }

    protected override QualityFinding ToFinding(FilingRow row, QualityContext context) =>
        new(Check, row.DivisionCode, row.Name, row.IdNumber,
            row.Program == FilingProgram.LowIncome
                ? $"{row.FiledOn:yyyy-MM-dd} 备案（工作人员 {row.WorkerName} 的{row.Relation}），未找到该亲属所在家庭的近亲属低保案件。"
                : $"{row.FiledOn:yyyy-MM-dd} 备案（工作人员 {row.WorkerName} 的{row.Relation}），未找到该亲属的特困供养记录。",
            $"/assistance/relatives/{row.FilingId}");
}

public sealed record WorkerRowForCheck(int WorkerId, string DivisionCode, string Name, WorkerLevel Level, string? Post);

/// <summary>DQ07: an active worker who filed neither a zero report for the month nor a relative filing in it (the rule of the 零报告 page).</summary>
public sealed class ZeroReportMissingCheck : DatabaseCheck<WorkerRowForCheck>
{
    public override QualityCheck Check => QualityCheck.ZeroReportMissing;

    protected override IReadOnlyList<IQueryable<WorkerRowForCheck>> Parts(QualityContext context)
    {
        var (db, key, start, end, prefix) = (context.Db, context.Key, context.Start, context.End, context.Prefix);
        var query = db.AssistanceWorkers
            .Where(w => w.Active && w.DivisionCode.StartsWith(prefix)
                && !db.ZeroReports.Any(z => z.WorkerId == w.Id && z.Period == key)
                && !db.RelativeFilings.Any(f => f.WorkerId == w.Id && f.FiledOn >= start && f.FiledOn <= end))
            .OrderBy(w => w.DivisionCode).ThenBy(w => w.Name).ThenBy(w => w.Id)
            .Select(w => new WorkerRowForCheck(w.Id, w.DivisionCode, w.Name, w.Level, w.Post));
        return [query];
    }

    protected override QualityFinding ToFinding(WorkerRowForCheck row, QualityContext context) =>
        new(Check, row.DivisionCode, row.Name, null,
            $"{row.Post ?? "工作人员"}：{context.Period.ChineseName}既无零报告也无近亲属备案。",
            $"/assistance/workers/{row.WorkerId}");
}
