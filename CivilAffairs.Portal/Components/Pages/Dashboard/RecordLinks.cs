namespace CivilAffairs.Portal.Components.Pages.Dashboard;

/// <summary>Where a record listed behind a figure opens (by the entity type's name), and the address of that list.</summary>
public static class RecordLinks
{
    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        ["DibaoCase"] = "/assistance/cases/{0}",
        ["ExtremePovertyCase"] = "/assistance/extreme-poverty/{0}",
        ["TemporaryAssistance"] = "/assistance/temporary/{0}",
        ["DiscoveryLead"] = "/assistance/leads/{0}",
        ["RelativeFiling"] = "/assistance/relatives/{0}",
        ["CareSubsidyFamily"] = "/assistance/subsidy/families/{0}",
        ["CareFacility"] = "/elderly/facilities/{0}",
        ["ElderlyPerson"] = "/elderly/persons/{0}",
        ["HomeAdaptation"] = "/elderly/adaptations/{0}",
        ["CaregiverTraining"] = "/elderly/training/{0}",
        ["CareVisit"] = "/elderly/visits/{0}",
        ["SocialOrganization"] = "/orgs/{0}",
        ["RegistrationApplication"] = "/orgs/applications/{0}",
        ["IncubationProject"] = "/orgs/incubation/{0}",
        ["Donation"] = "/charity/donations/{0}",
        ["GiftPackageDistribution"] = "/charity/gifts/{0}",
        ["FreeClinic"] = "/charity/clinics/{0}",
        ["LotterySale"] = "/charity/lottery/{0}",
        ["DeathCase"] = "/affairs/after-death/{0}",
        ["BurialFacility"] = "/affairs/burial/{0}",
        ["PlaceName"] = "/affairs/places/{0}",
        ["PlaceNameExpert"] = "/affairs/places/experts/{0}",
        ["CollectiveWedding"] = "/affairs/weddings/{0}",
        ["EducationAid"] = "/children/education-aid/{0}",
        ["WelfareFacility"] = "/children/facilities/{0}",
        ["ChildInCare"] = "/children/in-care/{0}",
        ["DisabilitySubsidy"] = "/disability/recipients/{0}",
        ["RehabActivity"] = "/disability/rehabilitation/{0}",
    };

    public static string? Of(string kind, int? id) => id is { } value && Pages.TryGetValue(kind, out var page) ? string.Format(System.Globalization.CultureInfo.InvariantCulture, page, value) : null;

    /// <summary>The records behind an indicator for a month and division (a 州直/县直 row is <paramref name="exact"/>).</summary>
    public static string Behind(string code, Core.Common.Period period, string divisionCode, bool exact = false) =>
        $"/dashboard/records?code={code}&period={period.Key}&division={divisionCode}" + (exact ? "&exact=true" : string.Empty);
}
