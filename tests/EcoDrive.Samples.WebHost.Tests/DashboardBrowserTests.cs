using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>
/// The sales director's dashboard page in Debian's Chromium, driven by Playwright against the host on a real port:
/// the figures it shows are the API's, in English and in French. Screenshots are kept under the test output
/// (<c>TestResults/dashboard-en.png</c>, <c>dashboard-fr.png</c>).
/// </summary>
public sealed partial class DashboardBrowserTests(KestrelWebHostFixture host, ITestOutputHelper output) : IClassFixture<KestrelWebHostFixture>
{
    private const string DirectorKey = "dev-director-helene";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [ChromiumFact]
    public async Task Dashboard_InChromium_ShowsTheApisFiguresInEnglishAndInFrench()
    {
        await SeedAsync();
        var (from, to) = ThisMonthInParis();
        var api = await host.As("SalesDirector").GetFromJsonAsync<JsonElement>($"/kpi/dashboard?from={from}&to={to}&bucket=Day&tz=Europe/Paris");
        var revenue = decimal.Parse(api.GetProperty("revenueTotals")[0].GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        var rate = api.GetProperty("conversion").GetProperty("rate").GetDecimal();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 960 }, Locale = "en-GB" });
        await page.GotoAsync(new Uri(host.BaseAddress, "/?lang=en").ToString());
        await page.FillAsync("#apiKey", DirectorKey);
        await page.FillAsync("#from", from);
        await page.FillAsync("#to", to);
        await page.SelectOptionAsync("#bucket", "Day");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Url.Contains("/kpi/dashboard", StringComparison.Ordinal) && r.Ok);

        await Assertions.Expect(page.Locator("#orders-value")).ToHaveTextAsync(api.GetProperty("totalOrders").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#conversion-value")).ToHaveTextAsync((rate * 100).ToString("0.#", English) + "%");
        await Assertions.Expect(page.Locator("#revenue-value")).ToHaveTextAsync("€" + revenue.ToString("N2", English));
        Assert.Equal(
            api.GetProperty("newOrders").EnumerateArray().Select(b => (b.GetProperty("label").GetString(), b.GetProperty("orders").GetInt32().ToString(CultureInfo.InvariantCulture))),
            await BarsAsync(page, "#orders-chart rect.bar"));
        Assert.Equal(
            api.GetProperty("revenue").EnumerateArray().Select(r => (r.GetProperty("segment").GetString(), Number(r.GetProperty("net").GetProperty("amount").GetString()!))),
            await BarsAsync(page, "#revenue-chart rect.bar"));
        await ScreenshotAsync(page, "dashboard-en.png");

        await page.RunAndWaitForResponseAsync(() => page.SelectOptionAsync("#lang", "fr"), r => r.Url.Contains("/kpi/dashboard", StringComparison.Ordinal) && r.Ok);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tableau de bord commercial");
        await Assertions.Expect(page.Locator("#card-revenue h2")).ToHaveTextAsync("Chiffre d'affaires HT");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.Locator("#conversion-detail")).ToHaveTextAsync("1 prospect gagné sur 2");
        Assert.Equal(OneSpace(revenue.ToString("N2", French) + " €"), OneSpace(await page.Locator("#revenue-value").TextContentAsync()));
        Assert.Equal(OneSpace((rate * 100).ToString("0.#", French) + " %"), OneSpace(await page.Locator("#conversion-value").TextContentAsync()));
        await ScreenshotAsync(page, "dashboard-fr.png");
    }

    // Two segments invoiced (an SUV and a city car), a third order confirmed, a fourth cancelled; two leads, one won.
    private async Task SeedAsync()
    {
        var suv = await host.AddProductAsync(inStock: 3);
        var cityCar = await host.AddProductAsync(inStock: 2, segment: "city-car", name: "Volt C2", listPrice: "24000.00");
        var camille = await host.AddCustomerAsync("Camille");
        var jules = await host.AddCustomerAsync("Jules");
        var sales = host.As("Salesperson");
        var orders = new List<string>();
        foreach (var (customer, product) in new[] { (camille, suv), (jules, suv), (camille, cityCar), (jules, cityCar) })
        {
            var order = await host.ReadAsync<JsonElement>(await sales.PostAsJsonAsync("/orders", new { customerId = customer, lines = new[] { new { productId = product, quantity = 1 } } }));
            orders.Add(order.GetProperty("id").GetString()!);
            await host.WaitForStatusAsync(orders[^1], "Confirmed");
        }

        foreach (var invoiced in new[] { orders[0], orders[2] })
        {
            (await host.As("Warehouse").PostAsync($"/orders/{invoiced}/preparation", null)).EnsureSuccessStatusCode();
            (await host.As("Warehouse").PostAsync($"/orders/{invoiced}/shipment", null)).EnsureSuccessStatusCode();
            (await host.As("Accountant").PostAsync($"/orders/{invoiced}/invoice", null)).EnsureSuccessStatusCode();
        }

        (await sales.PostAsJsonAsync($"/orders/{orders[3]}/cancellation", new { reason = "Customer withdrew" })).EnsureSuccessStatusCode();
        foreach (var (name, win) in new[] { ("Inès", true), ("Hugo", false) })
        {
            var lead = await host.ReadAsync<JsonElement>(await sales.PostAsJsonAsync("/leads", new { firstName = name, lastName = "Roux", source = "Showroom", email = $"{Guid.NewGuid():N}@example.fr" }));
            var id = lead.GetProperty("id").GetString();
            if (win)
            {
                (await sales.PostAsync($"/leads/{id}/contact", null)).EnsureSuccessStatusCode();
                (await sales.PostAsync($"/leads/{id}/qualify", null)).EnsureSuccessStatusCode();
                (await sales.PostAsync($"/leads/{id}/win", null)).EnsureSuccessStatusCode();
            }
        }
    }

    private static (string From, string To) ThisMonthInParis()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var first = new DateOnly(today.Year, today.Month, 1);
        return (first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static async Task<IEnumerable<(string? Label, string Value)>> BarsAsync(IPage page, string selector)
    {
        var bars = new List<(string?, string)>();
        foreach (var bar in await page.Locator(selector).AllAsync())
        {
            bars.Add((await bar.GetAttributeAsync("data-label"), Number(await bar.GetAttributeAsync("data-value") ?? string.Empty)));
        }

        return bars;
    }

    // 66000.00 and 66000 are the same figure: the API writes money with its minor unit, the page stores the number.
    private static string Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.InvariantCulture);

    // Browsers and .NET both group French digits with a narrow no-break space; compare with plain spaces.
    private static string OneSpace(string? text) => Spaces().Replace(text ?? string.Empty, " ").Trim();

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
