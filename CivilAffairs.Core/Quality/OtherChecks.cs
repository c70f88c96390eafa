using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Quality;

public sealed record UnderAgeRow(int PersonId, string DivisionCode, string Name, string IdNumber, DateOnly BirthDate, decimal Amount, PaymentStatus Status);

/// <summary>DQ04: a 高龄津贴 payment (not returned) for a month at whose end the person, by the birth date of the ID number, was not yet 80.</summary>
public sealed class HighAgeAllowanceUnder80Check : DatabaseCheck<UnderAgeRow>
{
    public override QualityCheck Check => QualityCheck.HighAgeAllowanceUnder80;

    protected override IReadOnlyList<IQueryable<UnderAgeRow>> Parts(QualityContext context)
    {
        var (db, key, prefix) = (context.Db, context.Key, context.Prefix);
        var bornAfter = context.End.AddYears(-HighAgeAllowanceStandard.MinimumAge);
        var query = from p in db.HighAgeAllowancePayments
                    join person in db.People on p.PersonId equals person.Id
                    where p.Period == key && p.Status != PaymentStatus.Returned && p.DivisionCode.StartsWith(prefix) && person.BirthDate > bornAfter
                    orderby p.DivisionCode, p.Id
                    select new UnderAgeRow(person.Id, p.DivisionCode, person.Name, person.IdNumber, person.BirthDate, p.Amount, p.Status);
        return [query];
    }

    protected override QualityFinding ToFinding(UnderAgeRow row, QualityContext context) =>
        new(Check, row.DivisionCode, row.Name, row.IdNumber,
            $"{row.BirthDate:yyyy-MM-dd} 出生，{context.Period.ChineseName}末 {Age.On(row.BirthDate, context.End)} 周岁，当月高龄津贴 {QualityChecks.Money(row.Amount)} 元（{QualityChecks.StatusName(row.Status)}）。",
            $"/people/{row.PersonId}");
}

public sealed record EligibleRowForCheck(string DivisionCode, DisabilitySubsidyType Type, int Count, int EffectiveFrom, int Recipients);

/// <summary>
/// DQ08: per division and subsidy, the 应保人数 in force for the month (the latest record effective in or
/// before it, as the coverage rate reads it) is smaller than the recipients in that division and below at
/// the month's end (started, not ended, alive).
/// </summary>
public sealed class EligibleBelowRecipientsCheck : DatabaseCheck<EligibleRowForCheck>
{
    public override QualityCheck Check => QualityCheck.EligibleBelowRecipients;

    protected override IReadOnlyList<IQueryable<EligibleRowForCheck>> Parts(QualityContext context)
    {
        var (db, key, end, prefix) = (context.Db, context.Key, context.End, context.Prefix);
        var query = db.EligiblePopulations
            .Where(e => e.EffectiveFrom <= key && e.DivisionCode.StartsWith(prefix)
                && !db.EligiblePopulations.Any(o => o.DivisionCode == e.DivisionCode && o.SubsidyType == e.SubsidyType && o.EffectiveFrom > e.EffectiveFrom && o.EffectiveFrom <= key))
            .Select(e => new
            {
                e.DivisionCode, e.SubsidyType, e.Count, e.EffectiveFrom,
                Recipients = db.DisabilitySubsidies.Count(s => s.SubsidyType == e.SubsidyType && s.DivisionCode.StartsWith(e.DivisionCode)
                    && s.StartOn <= end && (s.EndOn == null || s.EndOn >= end) && (s.Person!.DateOfDeath == null || s.Person.DateOfDeath > end)),
            })
            .Where(e => e.Count < e.Recipients)
            .OrderBy(e => e.DivisionCode).ThenBy(e => e.SubsidyType)
            .Select(e => new EligibleRowForCheck(e.DivisionCode, e.SubsidyType, e.Count, e.EffectiveFrom, e.Recipients));
        return [query];
    }

    protected override QualityFinding ToFinding(EligibleRowForCheck row, QualityContext context) =>
        new(Check, row.DivisionCode, $"{Divisions.DivisionCatalog.NameOf(row.DivisionCode)}{TypeName(row.Type)}", null,
            $"应保人数 {row.Count}（自{QualityChecks.MonthName(row.EffectiveFrom)}起），{context.Period.ChineseName}末享受人数 {row.Recipients}。",
            "/disability/eligible");

    private static string TypeName(DisabilitySubsidyType type) => type == DisabilitySubsidyType.Nursing ? "重度残疾人护理补贴" : "困难残疾人生活补贴";
}

/// <summary>DQ01: the payments-after-death sources (the 身后一件事 recovery list) for payments of the month, of the lines the user reads.</summary>
public sealed class PaymentsAfterDeathCheck(IEnumerable<IPaymentsAfterDeathSource> sources) : ListCheck
{
    public override QualityCheck Check => QualityCheck.PaymentsAfterDeath;

    protected override async Task<IReadOnlyList<QualityFinding>> FindAllAsync(QualityContext context, CancellationToken cancellationToken)
    {
        var found = new List<PaymentAfterDeath>();
        foreach (var source in sources.Where(s => context.User.CanRead(s.Line)))
        {
            found.AddRange((await source.FindAsync(context.Db, null, cancellationToken))
                .Where(p => p.Period == context.Key && p.DivisionCode.StartsWith(context.Prefix, StringComparison.Ordinal)));
        }

        var ids = found.Select(p => p.PersonId).Distinct().ToList();
        var idNumbers = ids.Count == 0
            ? []
            : await context.Db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.IdNumber, cancellationToken);
        return [.. found.OrderBy(p => p.DivisionCode, StringComparer.Ordinal).ThenBy(p => p.PersonName, StringComparer.Ordinal).ThenBy(p => p.Program, StringComparer.Ordinal)
            .Select(p => new QualityFinding(Check, p.DivisionCode, p.PersonName, idNumbers.GetValueOrDefault(p.PersonId),
                $"{p.Program}：{p.DateOfDeath:yyyy-MM-dd} 死亡，{QualityChecks.MonthName(p.Period)}发放 {QualityChecks.Money(p.Amount)} 元（{p.Status}），应停发并追回。",
                $"/people/{p.PersonId}"))];
    }
}

/// <summary>
/// DQ09: a stock indicator (counts, not rates) of the division or of a row of its breakdown whose value
/// moved by more than <see cref="DataQualityOptions.StockJumpShare"/> of the same month last year. A zero
/// or missing value last year is not compared (no data is not a jump).
/// </summary>
public sealed class StockJumpCheck(IndicatorEngine engine, Microsoft.Extensions.Options.IOptions<DataQualityOptions> options) : ListCheck
{
    public override QualityCheck Check => QualityCheck.StockJump;

    protected override async Task<IReadOnlyList<QualityFinding>> FindAllAsync(QualityContext context, CancellationToken cancellationToken)
    {
        var share = options.Value.StockJumpShare;
        var definitions = IndicatorCatalog.All
            .Where(d => d.Kind == IndicatorKind.Stock && !d.IsRatio && d.Unit != IndicatorUnit.Percent && context.User.CanRead(d.Line)).ToList();
        if (definitions.Count == 0)
        {
            return [];
        }

        var now = await engine.ComputeAsync(definitions, context.Period, context.DivisionCode, cancellationToken);
        var before = (await engine.ComputeAsync(definitions, context.Period.SameMonthLastYear, context.DivisionCode, cancellationToken))
            .ToDictionary(r => r.Definition.Code);
        var findings = new List<QualityFinding>();
        foreach (var result in now)
        {
            var last = before[result.Definition.Code];
            var units = new List<(string Code, string Name, decimal? Now, decimal? Before)>
            {
                (result.DivisionCode, Divisions.DivisionCatalog.NameOf(result.DivisionCode), result.Current.Value, last.Current.Value),
            };
            units.AddRange(result.Breakdown.Select(b => (b.DivisionCode, b.Name, b.Value.Value, last.Breakdown.FirstOrDefault(l => l.Name == b.Name)?.Value.Value)));
            foreach (var (code, name, value, previous) in units)
            {
                if (value is { } v && previous is { } p && p > 0 && Math.Abs(v - p) > p * share)
                {
                    var change = Math.Round((v - p) / p * 100m, 1, MidpointRounding.AwayFromZero);
                    findings.Add(new QualityFinding(Check, code, $"{result.Definition.Code} {result.Definition.NameZh}（{name}）", null,
                        $"{context.Period.ChineseName} {v}，上年同期 {p}，同比 {change:+0.0;-0.0}%，超过 {share * 100m:0.#}%。",
                        result.Definition.RecordsPage ?? "/dashboard"));
                }
            }
        }

        return findings;
    }
}
