using CivilAffairs.Core.Common;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.Common;

public sealed class ResidentIdTests
{
    private static readonly DateOnly Today = TestIds.Today;

    [Fact]
    public void AcceptsTheStandardsWorkedExample()
    {
        var id = ResidentId.Parse("11010519491231002X", Today);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal(Gender.Female, id.Gender);
        Assert.Equal("110105", id.RegionCode);
    }

    [Fact]
    public void ComputesTheIso7064CheckCharacter()
    {
        Assert.Equal('X', ResidentId.CheckCharacter("11010519491231002"));
        Assert.Equal('4', ResidentId.CheckCharacter("44052418800101001"));
    }

    [Fact]
    public void DerivesBirthDateAndGenderFromTheNumber()
    {
        var male = ResidentId.Parse(TestIds.For("652722", new DateOnly(1944, 2, 29), 13), Today);
        var female = ResidentId.Parse(TestIds.For("652723", new DateOnly(1990, 7, 1), 24), Today);

        Assert.Equal((new DateOnly(1944, 2, 29), Gender.Male), (male.BirthDate, male.Gender));
        Assert.Equal((new DateOnly(1990, 7, 1), Gender.Female), (female.BirthDate, female.Gender));
        Assert.Equal(82, male.AgeOn(Today));
    }

    [Theory]
    [InlineData("1101 0519 4912 3100 2x")]     // grouped as printed on some forms
    [InlineData("\u300011010519491231002X\u00A0")] // full-width and non-breaking spaces from office documents
    public void AcceptsSpacesAnywhereAsPasted(string pasted) =>
        Assert.Equal("11010519491231002X", ResidentId.Parse(pasted, Today).Value);

    [Fact]
    public void SaysHowManyCharactersANumberThatIsTooLongHasInsteadOfCuttingIt() =>
        Assert.Equal("身份证号码应为 18 位，当前为 19 位。", ResidentId.Validate("11010519491231002X1", Today, out _));

    [Fact]
    public void AcceptsLowerCaseXAndSurroundingSpaces()
    {
        var id = ResidentId.Parse(" 11010519491231002x ", Today);
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Theory]
    [InlineData("", "请填写身份证号码")]
    [InlineData("65272219800101001", "应为 18 位")]
    [InlineData("6527221980010100123", "应为 18 位")]
    [InlineData("65272A198001010013", "第 6 位应为数字")]
    [InlineData("65272219800101001Y", "最后一位（校验码）应为数字或 X")]
    public void RejectsMalformedNumbersSayingWhy(string number, string expected)
    {
        var error = ResidentId.Validate(number, Today, out var id);
        Assert.Null(id);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void RejectsAnInvalidRegionPrefix()
    {
        Assert.Contains("地区码", ResidentId.Validate(TestIds.For("002722", new DateOnly(1980, 1, 1), 13), Today, out _));
        Assert.Contains("地区码", ResidentId.Validate(TestIds.For("650000", new DateOnly(1980, 1, 1), 13), Today, out _));
    }

    [Theory]
    [InlineData("19800230")] // 30 February
    [InlineData("19801301")] // month 13
    [InlineData("18991231")] // before 1900
    public void RejectsAnImpossibleBirthDate(string date)
    {
        var first17 = $"652722{date}001";
        var number = first17 + ResidentId.CheckCharacter(first17);
        Assert.Contains("出生日期", ResidentId.Validate(number, Today, out _));
    }

    [Fact]
    public void RejectsABirthDateInTheFuture()
    {
        var number = TestIds.For("652722", Today.AddDays(1), 13);
        Assert.Contains("晚于今天", ResidentId.Validate(number, Today, out _));
    }

    [Fact]
    public void RejectsAWrongCheckCharacter()
    {
        var valid = TestIds.For("652722", new DateOnly(1950, 5, 6), 17);
        var wrong = valid[..17] + (valid[17] == '1' ? '2' : '1');
        var error = ResidentId.Validate(wrong, Today, out _);
        Assert.Contains("校验码错误", error);
        Assert.Contains($"应为 {valid[17]}", error);
    }

    [Fact]
    public void ParseThrowsADomainExceptionWithTheReason()
    {
        var ex = Assert.Throws<DomainException>(() => ResidentId.Parse("123", Today));
        Assert.Contains("18 位", ex.Message);
    }

    [Fact]
    public void MasksTheBirthDateAndSequence()
    {
        var number = TestIds.For("652722", new DateOnly(1950, 5, 6), 17);
        var masked = ResidentId.Mask(number);
        Assert.Equal(18, masked.Length);
        Assert.StartsWith("652722", masked);
        Assert.EndsWith(number[17..], masked);
        Assert.Equal(11, masked.Count(c => c == '*'));
    }
}
