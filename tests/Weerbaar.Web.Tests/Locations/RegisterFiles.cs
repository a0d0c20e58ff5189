using System.Text;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Locations;

/// <summary>Builds register CSV files for the tests, one row at a time, as a spreadsheet would save them.</summary>
public static class RegisterFiles
{
    public static string Row(string category, string name, string address = "", string postcode = "", string buurt = "", string lat = "", string lon = "",
        string people = "10", string power = "", string water = "", string communication = "", string deps = "", string contactName = "",
        string contactPhone = "", string contactEmail = "", string notes = "")
        => string.Join(",", new[] { category, name, address, postcode, buurt, lat, lon, people, power, water, communication, deps, contactName, contactPhone, contactEmail, notes }.Select(Quote));

    /// <summary>One noodsteunpunten row in the order of <see cref="NoodsteunpuntRules.Columns"/>.</summary>
    public static string Point(string name, string type = "", string status = "", string address = "", string postcode = "", string buurt = "", string lat = "",
        string lon = "", string capacity = "", string opening = "", string power = "", string powerHours = "", string water = "", string heating = "",
        string firstAid = "", string toilets = "", string wheelchair = "", string charging = "", string satellite = "", string c2000 = "", string radio = "",
        string mobile = "", string staff = "", string volunteers = "", string shifts = "", string partners = "", string contactName = "",
        string contactPhone = "", string contactEmail = "", string notes = "")
        => string.Join(",", new[] { name, type, status, address, postcode, buurt, lat, lon, capacity, opening, power, powerHours, water, heating, firstAid,
            toilets, wheelchair, charging, satellite, c2000, radio, mobile, staff, volunteers, shifts, partners, contactName, contactPhone, contactEmail, notes }.Select(Quote));

    public static string LocationsFile(params string[] rows) => string.Join("\r\n", rows.Prepend(string.Join(",", VulnerableLocationRules.Columns))) + "\r\n";

    public static string PointsFile(params string[] rows) => string.Join("\r\n", rows.Prepend(string.Join(",", NoodsteunpuntRules.Columns))) + "\r\n";

    public static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    public static string Quote(string field) => field.AsSpan().IndexOfAny(",;\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    public static Task<string> BuurtAsync(WeerbaarFactory app, string gemeente, int skip = 0) => app.WithDbAsync(db =>
        db.Buurten.Where(b => b.GemeenteCode == gemeente).OrderBy(b => b.Code).Select(b => b.Code).Skip(skip).FirstAsync());
}
