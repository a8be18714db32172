using BenchmarkDotNet.Running;
using NewsroomCms.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ArticlePageDataBenchmarks).Assembly).Run(args);
