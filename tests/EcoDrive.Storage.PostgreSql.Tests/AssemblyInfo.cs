// One PostgreSQL server serves every test, and some tests open 32 connections at once: run the classes one after the
// other so that the server's connection limit (100 by default) is never reached.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
