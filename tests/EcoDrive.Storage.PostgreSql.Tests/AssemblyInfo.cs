using EcoDrive.Storage.PostgreSql.Tests;
using EcoDrive.Testing;

// Every test here needs the server named by ECODRIVE_TEST_POSTGRES: without it each one reports itself skipped, with the
// reason, including those of a test class added later (RequiresTheServerTests keeps them all StorageFact tests).
[assembly: RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]

// One PostgreSQL server serves every test, and some tests open 32 connections at once: run the classes one after the
// other so that the server's connection limit (100 by default) is never reached.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
