namespace CivilAffairs.Core.Common;

public enum Gender
{
    Female = 0,
    Male = 1,
}
