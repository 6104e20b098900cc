using CsCheck;

namespace EcoDrive.Core.Tests.Money;

using Money = EcoDrive.Core.Money;

public sealed partial class MoneyTests
{
    [Fact]
    public void Split_HundredEurosInThree_GivesTheExtraCentToTheFirstShare()
    {
        Assert.Equal([Money.Euros(33.34m), Money.Euros(33.33m), Money.Euros(33.33m)], Money.Euros(100m).Split(3));
    }

    [Fact]
    public void Split_NegativeAmount_KeepsTheSign()
    {
        Assert.Equal([Money.Euros(-0.34m), Money.Euros(-0.33m), Money.Euros(-0.33m)], Money.Euros(-1m).Split(3));
    }

    [Fact]
    public void Allocate_ByRatios_GivesLeftOverUnitsToTheLargestRemainders()
    {
        // 0.05 by 3:7 → exact 0.015 and 0.035: floors 0.01 and 0.03, one cent left goes to the first (tie, earlier).
        Assert.Equal([Money.Euros(0.02m), Money.Euros(0.03m)], Money.Euros(0.05m).Allocate([3m, 7m]));
        Assert.Equal([Money.Euros(70m), Money.Euros(30m)], Money.Euros(100m).Allocate([70m, 30m]));
        Assert.Equal([Money.Euros(0m), Money.Euros(10m)], Money.Euros(10m).Allocate([0m, 1m]));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { 1.0, -1.0 })]
    public void Allocate_InvalidRatios_ThrowNamingParameter(double[] ratios)
    {
        var error = Assert.Throws<InvalidInputException>(() => Money.Euros(10m).Allocate([.. ratios.Select(r => (decimal)r)]));

        Assert.Equal("ratios", error.ParamName);
    }

    [Fact]
    public void Split_IntoZeroParts_ThrowsNamingParameter()
    {
        Assert.Equal("parts", Assert.Throws<InvalidInputException>(() => Money.Euros(10m).Split(0)).ParamName);
    }

    [Fact]
    public void Split_AnyAmount_SumsToTheWholeWithSharesDifferingByAtMostOneMinorUnit()
    {
        Gen.Select(MoneyGen.Money, Gen.Int[1, 50]).Sample(
            (money, parts) =>
            {
                var shares = money.Split(parts);
                Assert.Equal(parts, shares.Length);
                Assert.Equal(money, Money.Sum(shares, money.Currency));
                var unit = 1m / (decimal)Math.Pow(10, money.Currency.MinorUnit);
                Assert.True(shares.Max(s => s.Amount) - shares.Min(s => s.Amount) <= unit);
            },
            iter: 2000);
    }

    [Fact]
    public void Allocate_AnyRatios_SumsToTheWholeAndStaysWithinOneMinorUnitOfTheExactShare()
    {
        Gen.Select(MoneyGen.Money, Gen.Int[0, 1000].Array[1, 12].Where(r => r.Any(x => x > 0))).Sample(
            (money, ratios) =>
            {
                var shares = money.Allocate([.. ratios.Select(r => (decimal)r)]);
                Assert.Equal(money, Money.Sum(shares, money.Currency));
                var unit = 1m / (decimal)Math.Pow(10, money.Currency.MinorUnit);
                var total = ratios.Sum();
                for (var i = 0; i < ratios.Length; i++)
                {
                    Assert.True(Math.Abs(shares[i].Amount - (money.Amount * ratios[i] / total)) < unit);
                }
            },
            iter: 2000);
    }

    [Fact]
    public void Add_IsCommutativeAndAssociative()
    {
        MoneyGen.ThreeInOneCurrency.Sample(
            t =>
            {
                Assert.Equal(t.A + t.B, t.B + t.A);
                Assert.Equal((t.A + t.B) + t.C, t.A + (t.B + t.C));
                Assert.Equal(t.A, t.A + t.B - t.B);
            },
            iter: 2000);
    }
}
