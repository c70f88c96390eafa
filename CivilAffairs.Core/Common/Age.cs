namespace CivilAffairs.Core.Common;

public static class Age
{
    /// <summary>Age in whole years on <paramref name="day"/> (a person born on 29 Feb turns a year older on 28 Feb).</summary>
    public static int On(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return day < birthDate.AddYears(age) ? age - 1 : age;
    }
}
