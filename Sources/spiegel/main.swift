import SpiegelCLI

Program.main()
