using CivilAffairs.Core.Common;

namespace CivilAffairs.Tests.Core.SocialOrganizations;

/// <summary>统一社会信用代码 (GB 32100-2015): valid codes pass; each kind of error is named in Chinese.</summary>
public sealed class CreditCodeTests
{
    // Built from parts with the check character computed by hand below, not by the code under test.
    private const string Valid = "51652701MJ0000001";

    [Fact]
    public void ComputesTheCheckCharacterWithTheStandardWeights()
    {
        // 5*1 + 1*3 + 6*9 + 5*27 + 2*19 + 7*26 + 0*16 + 1*17 + M(21)*20 + J(18)*29 + 0*25 + 0*13 + 0*8 + 0*24 + 0*10 + 0*30 + 1*28
        var sum = 5 + 3 + 54 + 135 + 38 + 182 + 0 + 17 + 420 + 522 + 28;
        var expected = CreditCode.Characters[(31 - (sum % 31)) % 31];

        Assert.Equal(expected, CreditCode.CheckCharacter(Valid));
        Assert.True(CreditCode.TryParse(Valid + expected, out var code));
        Assert.Equal('5', code.AuthorityCode);
        Assert.Equal('1', code.TypeCode);
        Assert.Equal("652701", code.DivisionCode);
    }

    [Theory]
    [InlineData('5', '1')] // 民政 社会团体
    [InlineData('5', '2')] // 民政 民办非企业单位
    [InlineData('5', '3')] // 基金会
    [InlineData('5', '9')] // 民政 其他
    [InlineData('9', '1')] // 工商 企业: another authority is syntactically valid too
    [InlineData('1', '2')] // 机构编制 事业单位
    [InlineData('Y', '1')] // 其他
    public void AcceptsComposedCodesOfEveryAuthority(char authority, char type)
    {
        var code = CreditCode.Compose(authority, type, "652722", "MJ1234567");

        Assert.Null(CreditCode.Validate(code, out var parsed));
        Assert.Equal(code, parsed!.Value);
    }

    [Fact]
    public void AcceptsLowerCaseAndSurroundingSpaces()
    {
        var code = CreditCode.Compose('5', '2', "652700", "MJ7654321");

        Assert.Equal(code, CreditCode.Parse("  " + code.ToLowerInvariant() + " ").Value);
    }

    [Fact]
    public void RejectsAWrongLength() =>
        Assert.Equal("统一社会信用代码应为 18 位，当前为 17 位。", CreditCode.Validate(Valid, out _));

    [Fact]
    public void RejectsAnEmptyCode() => Assert.Equal("请填写统一社会信用代码。", CreditCode.Validate("  ", out _));

    [Theory]
    [InlineData(10, 'I')]
    [InlineData(9, 'O')]
    [InlineData(12, 'Z')]
    [InlineData(14, 'S')]
    [InlineData(15, 'V')]
    [InlineData(4, '-')]
    public void NamesTheFirstBadCharacterAndItsPosition(int position, char bad)
    {
        var code = CreditCode.Compose('5', '1', "652701", "MJ0000001").ToCharArray();
        code[position - 1] = bad;

        var message = CreditCode.Validate(new string(code), out _);

        Assert.Equal($"统一社会信用代码第 {position} 位“{bad}”不是有效字符（只能是数字 0–9 和除 I、O、Z、S、V 以外的大写字母）。", message);
    }

    [Fact]
    public void RejectsAnUnknownRegistrationAuthority()
    {
        var code = "B1652701MJ0000001";
        var message = CreditCode.Validate(code + CreditCode.CheckCharacter(code), out _);

        Assert.StartsWith("统一社会信用代码第 1 位登记管理部门代码“B”无效", message);
    }

    [Fact]
    public void RejectsATypeCodeTheAuthorityDoesNotIssue()
    {
        var code = "54652701MJ0000001"; // 民政 issues 1, 2, 3, 9 only
        var message = CreditCode.Validate(code + CreditCode.CheckCharacter(code), out _);

        Assert.Equal("统一社会信用代码第 2 位机构类别代码“4”对登记管理部门“民政”（5）无效，应为 1、2、3、9 之一。", message);
    }

    [Fact]
    public void RejectsLettersInTheDivisionCode()
    {
        var code = "516527A1MJ0000001";
        var message = CreditCode.Validate(code + CreditCode.CheckCharacter(code), out _);

        Assert.Equal("统一社会信用代码第 3–8 位为登记管理机关行政区划码，须为数字；第 7 位为“A”。", message);
    }

    [Fact]
    public void NamesTheExpectedCheckCharacter()
    {
        var good = CreditCode.Compose('5', '3', "652700", "MJ0000009");
        var wrong = good[17] == '0' ? '1' : '0';

        var message = CreditCode.Validate(good[..17] + wrong, out _);

        Assert.Equal($"统一社会信用代码校验码错误：第 18 位应为“{good[17]}”，实际为“{wrong}”。", message);
    }

    [Fact]
    public void ParseThrowsADomainExceptionWithTheMessage() =>
        Assert.Equal("统一社会信用代码应为 18 位，当前为 3 位。", Assert.Throws<DomainException>(() => CreditCode.Parse("123")).Message);
}
