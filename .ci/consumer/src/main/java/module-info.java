/** The user's program as a module: the one dependency of README's snippet is one module. */
module example {
    requires org.mwdump.all;
}
