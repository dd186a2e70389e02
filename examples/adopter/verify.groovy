// Not part of an adopter's setup: maven-invoker-plugin runs this after both builds of this
// project (invoker.properties). It checks what each build left under target/.
def target = new File(basedir, 'target')
def reports = new File(target, 'faultline')

// The plugin's run of an experiment, and the JUnit test's: each has its files.
def runFolders = { String experiment ->
  def folders = reports.listFiles().findAll { it.isDirectory() && it.name.endsWith('-' + experiment) }
  assert !folders.isEmpty() : "a run folder of ${experiment} in ${reports}"
  folders.each { folder ->
    ['index.html', 'journal.json', 'junit.xml'].each { name ->
      assert new File(folder, name).isFile() : "${name} in ${folder}"
    }
  }
  folders
}

// Build 1: the met run's report, journal and JUnit XML, and the copy where CI servers look.
runFolders('stock-reservations').each { met ->
  assert new File(met, 'journal.json').text.contains('"verdict" : "MET"') : "verdict MET in ${met}"
}
def junit = new File(target, 'failsafe-reports/TEST-faultline-stock-reservations.xml')
assert junit.isFile() : "${junit}"
assert junit.text.contains('<testsuite') : "${junit} is JUnit XML"
assert new File(reports, 'index.html').isFile() : "the history page in ${reports}"
// The JUnit 5 test: Failsafe ran it and both its tests passed.
def report = new File(target, 'failsafe-reports/TEST-com.example.stock.ReservationsResilienceIT.xml')
assert report.isFile() : "${report}"
def suite = (report.text =~ /<testsuite [^>]*>/)[0]
['tests="2"', 'errors="0"', 'failures="0"', 'skipped="0"'].each { count ->
  assert suite.contains(count) : "${count} in ${report}"
}

// Build 2: the demo's run was reported, and the build failed with the plugin's message.
def demo = runFolders('stock-reservations-demo-bug')
assert new File(target, 'failsafe-reports/TEST-faultline-stock-reservations-demo-bug.xml').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('Faultline: 1 of 1 experiment not met:') : 'the plugin\'s failure in build.log'
assert log.contains('stock-reservations-demo-bug: Not met') : 'the verdict sentence in build.log'
assert demo.any { log.contains('report: ' + new File(it, 'index.html').absolutePath) } : 'the report path in build.log'
return true
