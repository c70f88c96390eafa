using System.Reflection;
using CivilAffairs.Core.Charity;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.SocialAssistance;

namespace CivilAffairs.Tests.Core.Quality;

/// <summary>The per-field bounds: hard limits refuse in Chinese, soft limits only ask, and the records' own validation applies them.</summary>
public sealed class PlausibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    public static TheoryData<string> Ranges() => [.. AllRanges().Select(r => r.Name)];

    private static IEnumerable<(string Name, PlausibleRange Range)> AllRanges() =>
        typeof(Plausibility).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(PlausibleRange)).Select(p => (p.Name, (PlausibleRange)p.GetValue(null)!));

    [Theory]
    [MemberData(nameof(Ranges))]
    public void EveryRangeHasASoftLimitBelowItsHardLimitAndRefusesNegativeValues(string name)
    {
        var range = AllRanges().Single(r => r.Name == name).Range;

        Assert.True(range.HardMax > 0);
        Assert.True(range.SoftMax is null || (range.SoftMax > 0 && range.SoftMax < range.HardMax), name);
        Assert.NotNull(range.Error(-1));
        Assert.Null(range.Error(range.HardMax));
        Assert.NotNull(range.Error(range.HardMax + 1));
        Assert.Null(range.Warning(range.HardMax + 1));
    }

    [Fact]
    public void ADonationOfATrillionYuanIsRefusedAndOneOfTwentyMillionOnlyAsks()
    {
        Assert.Contains("超过上限", Plausibility.Donation.Error(1_000_000_000_000m), StringComparison.Ordinal);
        Assert.Null(Plausibility.Donation.Error(20_000_000m));
        Assert.Equal("捐赠价值为 20,000,000 元，超过通常范围（10,000,000 元），请核对无误后确认保存。", Plausibility.Donation.Warning(20_000_000m));
        Assert.Null(Plausibility.Donation.Warning(10_000_000m));
        Assert.Null(Plausibility.Donation.Warning(26_500m));
        Assert.Equal(["捐赠价值为 20,000,000 元，超过通常范围（10,000,000 元），请核对无误后确认保存。"],
            Plausibility.Warnings((Plausibility.Donation, 20_000_000m), (Plausibility.LotterySales, 1_000_000m)));
    }

    [Fact]
    public void ADonationRecordAboveTheHardLimitIsRefusedBeforeSaving()
    {
        var donation = new Donation
        {
            DonorName = "某公司", DonatedOn = Today, Form = DonationForm.Cash, Value = 1_000_000_000_000m, RecipientKind = RecipientKind.Program, ProgramName = "助学",
            DivisionCode = "652722",
        };

        var refused = Assert.Throws<DomainException>(() => donation.Validate(Today));

        Assert.Contains("捐赠价值", refused.Message, StringComparison.Ordinal);
        donation.Value = 20_000_000m;
        donation.Validate(Today);
    }

    [Fact]
    public void LotterySalesOfZeroAreRefusedAndAFundWithSalesIsAccepted()
    {
        var sales = new LotterySales { Period = 202610, DivisionCode = "652722", Game = LotteryGame.DoubleColorBall, Sales = 0, WelfareFund = 0 };

        Assert.Equal("销售额须大于 0 元。", Assert.Throws<DomainException>(() => sales.Validate(Today)).Message);

        sales.Sales = 120_000m;
        sales.WelfareFund = 36_000m;
        sales.Validate(Today);
    }

    [Fact]
    public void AStandardOrSupportBeyondItsLimitIsRefused()
    {
        var standard = new AssistanceStandard { CountyCode = "652722", Area = UrbanRural.Urban, MonthlyAmount = 85_000m, EffectiveFrom = new DateOnly(2026, 1, 1) };
        Assert.Contains("超过上限", Assert.Throws<DomainException>(standard.Validate).Message, StringComparison.Ordinal);

        var poverty = new ExtremePovertyCase { PersonId = 1, DivisionCode = "652722100", MonthlyAmount = 50_000m, StartedOn = new DateOnly(2026, 1, 1) };
        Assert.Contains("供养标准", Assert.Throws<DomainException>(() => poverty.Validate(Today)).Message, StringComparison.Ordinal);
    }
}
