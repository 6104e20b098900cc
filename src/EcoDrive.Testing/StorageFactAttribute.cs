#if XUNIT_V3
using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;
#else
using Xunit.Abstractions;
using Xunit.Sdk;
#endif

namespace EcoDrive.Testing;

/// <summary>
/// A contract test. It runs like <see cref="FactAttribute"/>, except that it reports itself skipped when the concrete
/// test class is marked <see cref="RequiresEnvironmentVariableAttribute"/> and that variable is not set (a database
/// server that is not there).
/// </summary>
#if XUNIT_V3
[XunitTestCaseDiscoverer(typeof(StorageFactDiscoverer))]
#else
[XunitTestCaseDiscoverer("EcoDrive.Testing.StorageFactDiscoverer", "EcoDrive.Testing")]
#endif
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StorageFactAttribute : FactAttribute
{
#if XUNIT_V3
    /// <summary>Creates the attribute; the compiler fills in where the test is, for xunit's reports.</summary>
    /// <param name="sourceFilePath">The file of the test (filled in by the compiler).</param>
    /// <param name="sourceLineNumber">The line of the test (filled in by the compiler).</param>
    public StorageFactAttribute([System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null, [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
    }
#endif
}

/// <summary>
/// Marks a test class, or a whole test assembly, whose tests need an environment variable, typically a connection
/// string: without it, every <see cref="StorageFactAttribute"/> test of the class (or of every class in the assembly)
/// is reported <c>skipped: NAME not set</c>. On the assembly, a test class added later cannot forget it.
/// </summary>
/// <param name="name">The variable's name.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class RequiresEnvironmentVariableAttribute(string name) : Attribute
{
    /// <summary>The variable's name.</summary>
    public string Name { get; } = name;

    /// <summary>Why the tests are skipped, or <see langword="null"/> when the variable is set.</summary>
    /// <param name="name">The variable's name.</param>
    public static string? SkipReason(string name) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)) ? $"skipped: {name} not set" : null;
}

#if XUNIT_V3
/// <summary>
/// Finds <see cref="StorageFactAttribute"/> tests: xunit's own test cases, with a skip reason when the variable required
/// by the test's class or assembly is missing. Named by the attribute; xunit creates it.
/// </summary>
internal sealed class StorageFactDiscoverer : FactDiscoverer
{
    /// <inheritdoc />
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        var testCase = base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
        var testClass = testMethod.TestClass.Class;
        var reason = testClass.GetCustomAttributes<RequiresEnvironmentVariableAttribute>(inherit: true)
            .Concat(testClass.Assembly.GetCustomAttributes<RequiresEnvironmentVariableAttribute>())
            .Select(requirement => RequiresEnvironmentVariableAttribute.SkipReason(requirement.Name))
            .FirstOrDefault(skip => skip is not null);
        if (reason is null || testCase.SkipReason is not null || testCase is not XunitTestCase xunitTestCase)
        {
            return testCase;
        }

        return new XunitTestCase(
            testMethod: testMethod,
            testCaseDisplayName: xunitTestCase.TestCaseDisplayName,
            uniqueID: xunitTestCase.UniqueID,
            @explicit: xunitTestCase.Explicit,
            skipExceptions: xunitTestCase.SkipExceptions,
            skipReason: reason,
            skipType: xunitTestCase.SkipType,
            skipUnless: xunitTestCase.SkipUnless,
            skipWhen: xunitTestCase.SkipWhen,
            traits: xunitTestCase.Traits.ToDictionary(trait => trait.Key, trait => new HashSet<string>(trait.Value, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
            testMethodArguments: xunitTestCase.TestMethodArguments,
            sourceFilePath: xunitTestCase.SourceFilePath,
            sourceLineNumber: xunitTestCase.SourceLineNumber,
            timeout: xunitTestCase.Timeout);
    }
}
#else
/// <summary>Finds <see cref="StorageFactAttribute"/> tests. Named by the attribute; xunit creates it.</summary>
/// <param name="diagnosticMessageSink">Where xunit reports discovery problems.</param>
internal sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        yield return new StorageTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

/// <summary>
/// A <see cref="StorageFactAttribute"/> test, skipped when the variable required by its class or its assembly is
/// missing. Created by xunit.
/// </summary>
internal sealed class StorageTestCase : XunitTestCase
{
    /// <summary>For xunit's de-serialiser only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StorageTestCase()
    {
    }

    /// <summary>Creates the test case.</summary>
    /// <param name="diagnosticMessageSink">Where xunit reports problems.</param>
    /// <param name="defaultMethodDisplay">How to name the test.</param>
    /// <param name="defaultMethodDisplayOptions">More naming options.</param>
    /// <param name="testMethod">The test method, in its concrete class.</param>
    public StorageTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var attribute = typeof(RequiresEnvironmentVariableAttribute).AssemblyQualifiedName!;
        var testClass = TestMethod.TestClass.Class;
        var requirements = testClass.GetCustomAttributes(attribute).Concat(testClass.Assembly.GetCustomAttributes(attribute));
        foreach (var requirement in requirements)
        {
            if (requirement.GetConstructorArguments().FirstOrDefault() is string name && RequiresEnvironmentVariableAttribute.SkipReason(name) is { } reason)
            {
                return reason;
            }
        }

        return base.GetSkipReason(factAttribute);
    }
}
#endif
