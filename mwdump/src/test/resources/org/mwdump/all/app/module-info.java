// A user's program on the module path: it names mwdump's modules, nothing else.
module example.app {
    requires org.mwdump.all;
}
