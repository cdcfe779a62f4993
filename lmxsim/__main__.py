from lmxsim.cli import main

main()
